package org.clearpath.api.keycloak;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * OpenID Connect back-channel logout: Keycloak tells the app that a user's session ended there
 * (they logged out elsewhere, an administrator ended their sessions, the session expired). The
 * logout token must be signed by the realm (its JWKS, as Bearer tokens are), issued by it, meant
 * for the web client and name the back-channel logout event; then every browser session of that
 * user made until now is refused on its next request ({@link SessionRecheck#endSessions}).
 */
@Controller("/auth/backchannel-logout")
@Tag(name = "session")
public class BackchannelLogout {
  static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(BackchannelLogout.class);
  private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> validator;
  private final SessionRecheck sessions;
  private final org.clearpath.domain.staff.AdminSignIns adminSignIns;
  private final String issuer;
  private final String clientId;

  BackchannelLogout(
      ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> validator,
      SessionRecheck sessions,
      org.clearpath.domain.staff.AdminSignIns adminSignIns,
      @Value("${micronaut.security.oauth2.clients.keycloak.openid.issuer}") String issuer,
      @Value("${micronaut.security.oauth2.clients.keycloak.client-id}") String clientId) {
    this.validator = validator;
    this.sessions = sessions;
    this.adminSignIns = adminSignIns;
    this.issuer = issuer;
    this.clientId = clientId;
  }

  @Serdeable
  public record LogoutForm(@Nullable String logout_token) {}

  @Operation(summary = "Keycloak's back-channel logout (a logout token, form-encoded)")
  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<?> logout(@Body @Nullable LogoutForm form, HttpRequest<?> request) {
    var token = form == null ? null : form.logout_token();
    if (token == null || token.isBlank() || token.length() > 8_192) {
      throw refused("no token");
    }
    var jwt =
        first(validator.validate(token, request))
            .orElseThrow(() -> refused("its signature or lifetime did not check out"));
    try {
      var claims = jwt.getJWTClaimsSet();
      var events = claims.getJSONObjectClaim("events");
      var subject = claims.getSubject();
      if (!issuer.equals(claims.getIssuer())
          || claims.getAudience() == null
          || !claims.getAudience().contains(clientId)
          || events == null
          || !(events.get(EVENT) instanceof Map<?, ?>)
          || claims.getClaim("nonce") != null
          || subject == null
          || subject.isBlank()) {
        throw refused("not the realm's logout event for " + clientId);
      }
      // the one session it names (Keycloak sends sid, as the client asks); else all the user's
      var sid = claims.getStringClaim("sid");
      if (sid != null && !sid.isBlank()) {
        sessions.endSession(sid, Instant.now());
        adminSignIns.forget(sid);
      } else {
        sessions.endSessions(subject, Instant.now());
      }
      return HttpResponse.ok().header("Cache-Control", "no-store");
    } catch (ParseException e) {
      throw refused("its claims could not be read");
    }
  }

  /** What the validator answers: the checked token, or nothing when it refused it. */
  private static <T> java.util.Optional<T> first(Publisher<T> answer) {
    var result = new java.util.concurrent.CompletableFuture<java.util.Optional<T>>();
    answer.subscribe(
        new Subscriber<T>() {
          @Override
          public void onSubscribe(Subscription subscription) {
            subscription.request(1);
          }

          @Override
          public void onNext(T item) {
            result.complete(java.util.Optional.of(item));
          }

          @Override
          public void onError(Throwable error) {
            result.complete(java.util.Optional.empty());
          }

          @Override
          public void onComplete() {
            result.complete(java.util.Optional.empty());
          }
        });
    try {
      // the realm's keys are fetched once and kept: this waits only the first time
      return result.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return java.util.Optional.empty();
    }
  }

  private static InvalidInput refused(String why) {
    // Keycloak only logs that a client was not logged out: say here why
    LOG.warn("back-channel logout refused: {}", why);
    return new InvalidInput(
        "logout_token",
        "a logout token signed and issued by the realm for this client",
        Message.of("refusal.not-a-logout-token"));
  }
}
