package org.clearpath.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearpath.api.problem.Problem;

/**
 * Which Bearer tokens the API takes. The signature is checked by Micronaut Security against the
 * realm's keys; on top of that a token must come from the realm ({@code iss}), be an access token
 * ({@code typ} Bearer, not an ID or refresh token) and be issued to one of the configured API
 * clients ({@code azp}; the dev command-line client only in the dev environment). Anything else is
 * 401 before any other work. The app's own session tokens (HMAC-signed with the session secret) are
 * not Keycloak's and are left to the signature check.
 */
@ServerFilter("/**")
public class BearerTokenRules implements Ordered {
  static final String DEV_CLI = "clearpath-dev-cli";
  private final String issuer;
  private final Set<String> apiClients;
  private final JsonMapper json;
  private final ValidatedTokens validated;

  public BearerTokenRules(
      ValidatedTokens validated,
      @Value("${clearpath.keycloak.url}") String keycloakUrl,
      @Value("${clearpath.keycloak.realm}") String realm,
      @Value("${clearpath.security.api-clients:}") @Nullable List<String> configured,
      Environment environment,
      JsonMapper json) {
    var base =
        keycloakUrl.endsWith("/")
            ? keycloakUrl.substring(0, keycloakUrl.length() - 1)
            : keycloakUrl;
    this.issuer = base + "/realms/" + realm;
    var clients = new HashSet<String>();
    if (configured != null) {
      configured.stream().map(String::strip).filter(c -> !c.isEmpty()).forEach(clients::add);
    }
    if (environment.getActiveNames().contains(Environment.DEVELOPMENT)) {
      clients.add(DEV_CLI);
    } else {
      clients.remove(DEV_CLI);
    }
    this.apiClients = Set.copyOf(clients);
    this.json = json;
    this.validated = validated;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    var token = bearerToken(request);
    // the metrics scraper's Bearer token is the configured one, not Keycloak's (MetricsController)
    if (token.isEmpty()
        || org.clearpath.api.operations.MetricsController.PATH.equals(request.getPath())
        || request.getPath().startsWith(org.clearpath.api.operations.MetricsController.PATH + "/")
        // passed these rules and the signature check before, and not expired
        || validated.isKnown(token.get())) {
      return null;
    }
    return refusal(token.get())
        .map(
            reason ->
                (HttpResponse<?>)
                    Problem.of(
                            HttpStatus.UNAUTHORIZED,
                            "token not accepted: " + reason,
                            request.getPath())
                        .toResponse())
        .orElse(null);
  }

  /** The token of an {@code Authorization: Bearer …} header, if the request has one. */
  public static Optional<String> bearerToken(HttpRequest<?> request) {
    return request
        .getHeaders()
        .getAuthorization()
        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(value -> value.substring(7).strip());
  }

  /** Why this token is not taken, or nothing when the signature check may decide. */
  public Optional<String> refusal(String token) {
    var parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.of("not a signed JWT");
    }
    Map<String, Object> head;
    Map<String, Object> claims;
    try {
      head = decode(parts[0]);
      claims = decode(parts[1]);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.of("not a readable JWT");
    }
    var alg = String.valueOf(head.get("alg"));
    if (alg.startsWith("HS")) {
      return Optional.empty(); // the app's own session token: only our secret signs it
    }
    if (!issuer.equals(claims.get("iss"))) {
      return Optional.of("issued by " + claims.get("iss") + ", not by " + issuer);
    }
    if (!"Bearer".equals(claims.get("typ"))) {
      return Optional.of("not an access token (typ " + claims.get("typ") + ")");
    }
    var azp = claims.get("azp");
    if (azp == null || !apiClients.contains(azp.toString())) {
      return Optional.of("issued to client " + azp + ", which is not an API client of Clearpath");
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> decode(String part) throws IOException {
    var bytes = Base64.getUrlDecoder().decode(part);
    var value = json.readValue(bytes, Map.class);
    if (value == null) {
      throw new IOException("empty");
    }
    return (Map<String, Object>) value;
  }
}
