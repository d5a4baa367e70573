package org.clearpath.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.clearpath.api.problem.Problem;

/**
 * Cross-site request forgery protection for the browser session (double-submit token).
 *
 * <p>The session itself is an HttpOnly, SameSite=Lax cookie that script cannot read. In addition,
 * every state-changing {@code /api} request that relies on cookies must echo the {@code XSRF-TOKEN}
 * cookie in the {@code X-XSRF-TOKEN} header: another site can make the browser send the cookie, but
 * cannot read it to set the header. API clients sending a Bearer token carry no ambient credentials
 * and are not checked.
 */
// every path, so that the router sorts its filters once (web.Paths); the API only
@ServerFilter(io.micronaut.http.annotation.Filter.MATCH_ALL_PATTERN)
public class CsrfProtection {
  public static final String COOKIE = "XSRF-TOKEN";
  public static final String HEADER = "X-XSRF-TOKEN";
  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
  private static final SecureRandom RANDOM = new SecureRandom();

  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    if (!org.clearpath.api.web.Paths.isApi(request.getPath())
        || SAFE.contains(request.getMethod())
        || BearerTokenRules.bearerToken(request).isPresent()) {
      return null;
    }
    if (matches(request, request.getHeaders().get(HEADER, String.class).orElse(null))) {
      return null;
    }
    return Problem.of(
            HttpStatus.FORBIDDEN,
            "missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the "
                + HEADER
                + " header",
            request.getPath())
        .toResponse();
  }

  /** Whether {@code given} repeats the request's token cookie (which must be there). */
  static boolean matches(HttpRequest<?> request, @Nullable String given) {
    var cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse("");
    return !cookie.isEmpty()
        && given != null
        && MessageDigest.isEqual(
            cookie.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh token cookie, readable by the page's script so that it can echo it. */
  public static Cookie newTokenCookie(boolean secure) {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Cookie.of(COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
        .path("/")
        .httpOnly(false)
        .secure(secure)
        .sameSite(SameSite.Strict);
  }
}
