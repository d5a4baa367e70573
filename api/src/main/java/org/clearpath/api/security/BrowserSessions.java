package org.clearpath.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;

/** What the filters that end browser sessions share: whose session a request is, and the end. */
public final class BrowserSessions {
  /** The session's attribute naming the Keycloak session it came from (the ID token's sid). */
  public static final String KEYCLOAK_SESSION = "sid";

  private BrowserSessions() {}

  /** The Keycloak session the browser session came from, or nothing. */
  public static @Nullable String keycloakSession(Authentication authentication) {
    var sid = authentication.getAttributes().get(KEYCLOAK_SESSION);
    return sid == null ? null : sid.toString();
  }

  /**
   * The authentication of a request made with the browser's session cookie, or nothing: anonymous
   * requests and API clients' Bearer tokens (Keycloak's own, short-lived) are not sessions.
   */
  public static @Nullable Authentication of(HttpRequest<?> request) {
    if (BearerTokenRules.bearerToken(request).isPresent()) {
      return null;
    }
    return request.getUserPrincipal(Authentication.class).orElse(null);
  }

  /** When the session was made (its token's {@code iat}), or nothing. */
  public static @Nullable java.time.Instant issuedAt(Authentication authentication) {
    return switch (authentication.getAttributes().get("iat")) {
      case Number seconds -> java.time.Instant.ofEpochSecond(seconds.longValue());
      case java.util.Date date -> date.toInstant();
      case null, default -> null;
    };
  }

  /** A cookie that tells the browser to forget {@code name} at once. */
  public static Cookie expired(String name, boolean httpOnly, boolean secure) {
    return Cookie.of(name, "").path("/").maxAge(0).httpOnly(httpOnly).secure(secure);
  }
}
