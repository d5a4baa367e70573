package org.clearpath.api.keycloak;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.clearpath.api.security.BearerTokenRules;
import org.clearpath.api.security.BrowserSessions;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.staff.AdminSignIns;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * Staff accounts change with the acting admin's own Keycloak rights, never with the app's service
 * account, which may manage client portal logins only (issue 15, least privilege): inviting,
 * deactivating, resetting a password or a second factor runs as {@link #of} the admin.
 *
 * <p>An API client's Bearer token is the admin's own Keycloak token. A browser session holds none
 * (the browser never sees a token): when an admin signs in, the refresh token of that sign-in is
 * kept sealed in the database ({@link AdminSignIns}, by Keycloak session), and each change gets a
 * fresh access token with it. A sign-in whose grant is missing or no longer accepted (made before,
 * ended in Keycloak) is asked to sign in again ({@link SignInAgain}, 403).
 */
@Singleton
public class AdminRights {
  private static final ScopedValue<Acting> ACTING = ScopedValue.newInstance();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdminRights.class);

  /** The admin has no grant the app can use: they sign in again, and the change can be retried. */
  public static final class SignInAgain extends RuntimeException {
    SignInAgain(String why) {
      super(why);
    }
  }

  private final KeycloakSettings settings;
  private final AdminSignIns signIns;
  private final JsonMapper json;
  private final Clock clock;
  private final String webClientId;
  private final String webClientSecret;
  private final Duration keptFor;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  AdminRights(
      KeycloakSettings settings,
      AdminSignIns signIns,
      JsonMapper json,
      Clock clock,
      @Value("${micronaut.security.oauth2.clients.keycloak.client-id}") String webClientId,
      @Value("${micronaut.security.oauth2.clients.keycloak.client-secret:}") String webClientSecret,
      @Value("${micronaut.security.token.cookie.cookie-max-age:8h}") Duration keptFor) {
    this.settings = settings;
    this.signIns = signIns;
    this.json = json;
    this.clock = clock;
    this.webClientId = webClientId;
    this.webClientSecret = webClientSecret;
    this.keptFor = keptFor;
  }

  /**
   * Runs {@code change} with the Keycloak rights of the admin who made {@code request}. A sign-in
   * without a grant is asked to sign in again before anything is done; the fresh access token is
   * got when the change first reaches Keycloak, so a change refused on its input costs no refresh.
   */
  public <T> T of(HttpRequest<?> request, Authentication authentication, Supplier<T> change) {
    var bearer = BearerTokenRules.bearerToken(request);
    Supplier<String> token;
    if (bearer.isPresent()) {
      token = bearer::get;
    } else {
      var kept = kept(authentication);
      token = () -> refreshed(kept);
    }
    var acting = new Acting(token);
    try {
      return ScopedValue.where(ACTING, acting).call(change::get);
    } finally {
      acting.close();
    }
  }

  /** The acting admin's Keycloak, inside {@link #of}; never the service account's. */
  static Keycloak acting() {
    if (!ACTING.isBound()) {
      throw new IllegalStateException(
          "a staff account changes only with an admin's own rights (AdminRights.of)");
    }
    return ACTING.get().keycloak();
  }

  /** One change's connection to Keycloak as the admin, made at its first use. */
  private final class Acting {
    private final Supplier<String> token;
    private Keycloak keycloak;

    Acting(Supplier<String> token) {
      this.token = token;
    }

    Keycloak keycloak() {
      if (keycloak == null) {
        keycloak =
            KeycloakBuilder.builder()
                .serverUrl(settings.url())
                .realm(settings.realm())
                .authorization(token.get())
                .build();
      }
      return keycloak;
    }

    void close() {
      if (keycloak != null) {
        keycloak.close();
      }
    }
  }

  /** The grant a browser session's sign-in left, with whose it is. */
  private record Kept(String signIn, UserId admin, String grant) {}

  private Kept kept(Authentication authentication) {
    var signIn = BrowserSessions.keycloakSession(authentication);
    if (signIn == null) {
      throw new SignInAgain("this session has no Keycloak sign-in to act with");
    }
    var admin = new UserId(authentication.getName());
    var grant =
        signIns
            .grant(signIn, admin, clock.instant())
            .orElseThrow(() -> new SignInAgain("no grant is kept for this sign-in"));
    return new Kept(signIn, admin, grant);
  }

  /** A fresh access token from the kept grant (Keycloak may turn the grant over: kept again). */
  private String refreshed(Kept kept) {
    var signIn = kept.signIn();
    var admin = kept.admin();
    var grant = kept.grant();
    var form =
        "grant_type=refresh_token&client_id="
            + encode(webClientId)
            + "&client_secret="
            + encode(webClientSecret)
            + "&refresh_token="
            + encode(grant);
    var post =
        java.net.http.HttpRequest.newBuilder(
                URI.create(
                    settings.url()
                        + "/realms/"
                        + settings.realm()
                        + "/protocol/openid-connect/token"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new jakarta.ws.rs.ProcessingException("Keycloak did not answer the refresh", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new jakarta.ws.rs.ProcessingException("interrupted while refreshing", e);
    }
    if (answer.statusCode() == 400 || answer.statusCode() == 401) {
      // the sign-in ended in Keycloak (logout, disabled, expired): its grant is of no more use
      signIns.forget(signIn);
      throw new SignInAgain("Keycloak no longer accepts this sign-in's grant");
    }
    if (answer.statusCode() != 200) {
      throw new jakarta.ws.rs.ProcessingException(
          "Keycloak answered the refresh with HTTP " + answer.statusCode());
    }
    Map<?, ?> tokens;
    try {
      tokens = json.readValue(answer.body(), Map.class);
    } catch (IOException e) {
      throw new jakarta.ws.rs.ProcessingException("Keycloak's refresh answer is not JSON", e);
    }
    if (tokens.get("refresh_token") instanceof String next && !next.equals(grant)) {
      // Keycloak may turn the refresh token over: the newer one is kept
      signIns.keep(signIn, admin, next, clock.instant().plus(keptFor));
    }
    if (!(tokens.get("access_token") instanceof String access)) {
      LOG.warn("Keycloak's refresh answer held no access token");
      throw new SignInAgain("Keycloak gave no access token");
    }
    return access;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
