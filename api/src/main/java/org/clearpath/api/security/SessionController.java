package org.clearpath.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;

/** Who is logged in, and logging out (of this app and of Keycloak). */
@Controller
@Tag(name = "session")
public class SessionController {
  private final String issuer;
  private final String clientId;
  private final String publicUrl;
  private final boolean secureCookies;
  private final String sessionCookie;
  private final org.clearpath.domain.staff.AdminSignIns adminSignIns;

  SessionController(
      org.clearpath.domain.staff.AdminSignIns adminSignIns,
      @Value("${micronaut.security.oauth2.clients.keycloak.openid.issuer}") String issuer,
      @Value("${micronaut.security.oauth2.clients.keycloak.client-id}") String clientId,
      @Value("${clearpath.public-url}") String publicUrl,
      @Value("${micronaut.security.token.cookie.cookie-secure:false}") boolean secureCookies,
      @Value("${micronaut.security.token.cookie.cookie-name:JWT}") String sessionCookie) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    this.secureCookies = secureCookies;
    this.sessionCookie = sessionCookie;
    this.adminSignIns = adminSignIns;
  }

  @Serdeable
  public record Me(String id, String username, @Nullable String name, List<String> roles) {}

  @Operation(summary = "The logged-in user: id (Keycloak sub), username, name and roles")
  @Get("/api/me")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  public HttpResponse<Me> me(HttpRequest<?> request, Authentication authentication) {
    var actor = Principals.actor(authentication);
    var name = authentication.getAttributes().get(Principals.DISPLAY_NAME);
    var body =
        new Me(
            actor.id().value(),
            actor.username(),
            name == null ? null : name.toString(),
            actor.roles().stream().map(r -> r.claimValue()).sorted().toList());
    MutableHttpResponse<Me> response = HttpResponse.ok(body);
    if (request.getCookies().findCookie(CsrfProtection.COOKIE).isEmpty()) {
      response.cookie(CsrfProtection.newTokenCookie(secureCookies));
    }
    return response;
  }

  @Operation(
      summary =
          "Log out of Clearpath and end the Keycloak session; back to the start page. A form POST"
              + " whose csrf field repeats the XSRF-TOKEN cookie (another site cannot log you out)")
  @io.micronaut.http.annotation.Post(
      value = "/auth/logout",
      consumes = io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<?> logout(
      HttpRequest<?> request,
      @io.micronaut.http.annotation.Body @Nullable String form,
      @Nullable Authentication authentication) {
    if (!CsrfProtection.matches(request, formField(form, "csrf"))) {
      return org.clearpath.api.problem.Problem.of(
              io.micronaut.http.HttpStatus.FORBIDDEN,
              "missing or wrong CSRF token: send the XSRF-TOKEN cookie's value as the csrf field",
              request.getPath())
          .toResponse();
    }
    var endSession =
        UriBuilder.of(URI.create(issuer + "/protocol/openid-connect/logout"))
            .queryParam("client_id", clientId)
            .queryParam("post_logout_redirect_uri", publicUrl);
    if (authentication != null
        && authentication.getAttributes().get(OpenIdAuthenticationMapper.OPENID_TOKEN_KEY)
            instanceof String idToken) {
      endSession.queryParam("id_token_hint", idToken);
    }
    var signIn = authentication == null ? null : BrowserSessions.keycloakSession(authentication);
    if (signIn != null) {
      // an admin's grant goes with the sign-in
      adminSignIns.forget(signIn);
    }
    return HttpResponse.seeOther(endSession.build())
        .cookie(BrowserSessions.expired(sessionCookie, true, secureCookies))
        .cookie(BrowserSessions.expired(CsrfProtection.COOKIE, false, secureCookies));
  }

  /** A field of a form body, read by hand: a malformed body is a missing field, never a 500. */
  static @Nullable String formField(@Nullable String form, String name) {
    if (form == null || form.length() > 4096) {
      return null;
    }
    for (var pair : form.split("&")) {
      var at = pair.indexOf('=');
      if (at > 0 && pair.substring(0, at).equals(name)) {
        try {
          return java.net.URLDecoder.decode(
              pair.substring(at + 1), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }
}
