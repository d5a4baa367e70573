package org.clearpath.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.HashMap;
import org.reactivestreams.Publisher;

/**
 * Turns a completed Keycloak login (authorization code flow, done server-side) into the session.
 *
 * <p>The principal's name is the Keycloak user id ({@code sub}), chosen on purpose: it never
 * changes and is never reused, so ownership of cases cannot move with a renamed account. The
 * username ({@code preferred_username}) travels as an attribute for display. Roles come from the ID
 * token's {@code realm_access.roles} (the realm's web client maps them there).
 *
 * <p>An admin's sign-in leaves its refresh token with the app (sealed in the database, never in the
 * browser): staff accounts change with the admin's own Keycloak rights ({@code AdminRights}).
 */
@Singleton
@Named("keycloak")
public class KeycloakAuthenticationMapper implements OpenIdAuthenticationMapper {
  private final RolesFinder rolesFinder;
  private final org.clearpath.domain.staff.AdminSignIns adminSignIns;
  private final java.time.Clock clock;
  private final java.time.Duration keptFor;
  private final java.util.concurrent.ExecutorService blocking;

  KeycloakAuthenticationMapper(
      RolesFinder rolesFinder,
      org.clearpath.domain.staff.AdminSignIns adminSignIns,
      java.time.Clock clock,
      @io.micronaut.context.annotation.Value("${micronaut.security.token.cookie.cookie-max-age:8h}")
          java.time.Duration keptFor,
      @Named(io.micronaut.scheduling.TaskExecutors.BLOCKING)
          java.util.concurrent.ExecutorService blocking) {
    this.rolesFinder = rolesFinder;
    this.adminSignIns = adminSignIns;
    this.clock = clock;
    this.keptFor = keptFor;
    this.blocking = blocking;
  }

  @Override
  public Publisher<AuthenticationResponse> createAuthenticationResponse(
      String providerName,
      OpenIdTokenResponse tokenResponse,
      OpenIdClaims claims,
      @Nullable State state) {
    var attributes = new HashMap<String, Object>();
    putIfPresent(attributes, Principals.USERNAME, claims.getPreferredUsername());
    putIfPresent(attributes, Principals.DISPLAY_NAME, claims.getName());
    putIfPresent(attributes, Principals.EMAIL, claims.getEmail());
    putIfPresent(attributes, Principals.LOCALE, claims.getLocale());
    // kept so that logout can end the Keycloak session too (id_token_hint)
    putIfPresent(attributes, OPENID_TOKEN_KEY, tokenResponse.getIdToken());
    // Keycloak's session, which a back-channel logout names (BackchannelLogout)
    putIfPresent(attributes, BrowserSessions.KEYCLOAK_SESSION, claims.getClaims().get("sid"));
    var roles = rolesFinder.resolveRoles(claims.getClaims());
    var success = AuthenticationResponse.success(claims.getSubject(), roles, attributes);
    var sid = claims.getClaims().get("sid");
    var refresh = tokenResponse.getRefreshToken();
    if (!roles.contains(Roles.ADMIN) || !(sid instanceof String signIn) || refresh == null) {
      return Publishers.just(success);
    }
    // kept before the session is made, off the event loop: the database is written
    return Publishers.fromCompletableFuture(
        () ->
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                  adminSignIns.keep(
                      signIn,
                      new org.clearpath.domain.shared.UserId(claims.getSubject()),
                      refresh,
                      clock.instant().plus(keptFor));
                  return success;
                },
                blocking));
  }

  private static void putIfPresent(HashMap<String, Object> into, String key, Object value) {
    if (value != null) {
      into.put(key, value);
    }
  }
}
