package org.clearpath.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clearpath.api.problem.Problem;

/**
 * A browser session ends after {@code clearpath.security.idle-timeout} (default 30 minutes) without
 * a request, and at the latest 8 hours after login (the session cookie's own lifetime). The last
 * activity travels in a cookie of its own, signed with the session key, so that every instance
 * judges it alike; it is renewed at most once a minute. Before the first renewal, the login's time
 * (the session token's {@code iat}) counts. Bearer tokens are Keycloak's and not judged here.
 */
// every path, so that the router sorts its filters once (web.Paths); the API only
@ServerFilter(io.micronaut.http.annotation.Filter.MATCH_ALL_PATTERN)
public class IdleSessions implements Ordered {
  public static final String COOKIE = "CLEARPATH_ACTIVE";
  private static final String LAST_ACTIVE = "clearpath.last-active";
  private static final Duration RENEW_AFTER = Duration.ofMinutes(1);

  private final Duration idle;
  private final byte[] key;
  private final String sessionCookie;
  private final boolean secure;

  IdleSessions(
      @Value("${clearpath.security.idle-timeout:30m}") Duration idle,
      @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret,
      @Value("${micronaut.security.token.cookie.cookie-name:JWT}") String sessionCookie,
      @Value("${micronaut.security.token.cookie.cookie-secure:false}") boolean secure) {
    this.idle = idle;
    this.key = secret.getBytes(StandardCharsets.UTF_8);
    this.sessionCookie = sessionCookie;
    this.secure = secure;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    var authentication =
        org.clearpath.api.web.Paths.isApi(request.getPath()) ? BrowserSessions.of(request) : null;
    if (authentication == null) {
      return null;
    }
    var signed = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).map(this::read);
    var login = BrowserSessions.issuedAt(authentication);
    var last = signed.orElse(null);
    if (last == null || (login != null && login.isAfter(last))) {
      last = login;
    }
    if (last == null) {
      return null; // nothing to judge by
    }
    var now = Instant.now();
    if (Duration.between(last, now).compareTo(idle) > 0) {
      return Problem.of(
              HttpStatus.UNAUTHORIZED,
              "the session ended after " + idle.toMinutes() + " minutes without activity",
              request.getPath())
          .toResponse()
          .cookie(BrowserSessions.expired(sessionCookie, true, secure))
          .cookie(BrowserSessions.expired(COOKIE, true, secure));
    }
    request.setAttribute(LAST_ACTIVE, last);
    return null;
  }

  @ResponseFilter
  public void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
    var last = request.getAttribute(LAST_ACTIVE, Instant.class).orElse(null);
    var now = Instant.now();
    if (last != null && Duration.between(last, now).compareTo(RENEW_AFTER) >= 0) {
      response.cookie(
          Cookie.of(COOKIE, sign(now))
              .path("/")
              .httpOnly(true)
              .secure(secure)
              .sameSite(SameSite.Lax));
    }
  }

  /** {@code <epoch seconds>.<HMAC-SHA256 of them>}. */
  String sign(Instant at) {
    var seconds = Long.toString(at.getEpochSecond());
    return seconds + "." + mac(seconds);
  }

  /** The moment a cookie says, or nothing when it is malformed or not signed with our key. */
  @Nullable
  Instant read(String value) {
    var dot = value.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    var seconds = value.substring(0, dot);
    if (!MessageDigest.isEqual(
        mac(seconds).getBytes(StandardCharsets.US_ASCII),
        value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(seconds));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String mac(String text) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(("last-active:" + text).getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
