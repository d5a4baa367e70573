package org.clearpath.api.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keycloak's back-channel logout ends the user's browser sessions made until then; a later login
 * stands, and anything that is not the realm's logout token for this client is refused. (The tests'
 * tokens are signed with the test key, which the app's validator trusts here as it trusts the
 * realm's JWKS for real; the browser suite does it with Keycloak itself.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackchannelLogoutApiTest implements TestPropertyProvider {
  private static final String ISSUER = "http://127.0.0.1:9/realms/clearpath";

  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject org.clearpath.domain.staff.EndedSessions endedSessions;
  @Inject SessionRecheck recheck;
  @Inject org.clearpath.domain.staff.AdminSignIns adminSignIns;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(ApiTestSupport.properties());
    // the logout's answer is a redirect to Keycloak, which does not run here
    properties.put("micronaut.http.client.follow-redirects", "false");
    return properties;
  }

  private String sessionOf(User user, long issuedAt) {
    return sessionOf(user, issuedAt, null);
  }

  /** A browser session; {@code sid}: the Keycloak session it came from, as a real login has. */
  private String sessionOf(User user, long issuedAt, String sid) {
    Map<String, Object> claims = new HashMap<>();
    if (sid != null) {
      claims.put("sid", sid);
    }
    claims.put("sub", user.id());
    claims.put("preferred_username", user.username());
    claims.put("realm_access", Map.of("roles", user.roles()));
    claims.put("iat", issuedAt);
    claims.put("exp", issuedAt + 600);
    return tokens.generateToken(claims).orElseThrow();
  }

  private String logoutToken(String subject, String issuer, String audience, boolean event) {
    return logoutToken(subject, issuer, audience, event, null);
  }

  private String logoutToken(
      String subject, String issuer, String audience, boolean event, String sid) {
    Map<String, Object> claims = new HashMap<>();
    if (sid != null) {
      claims.put("sid", sid);
    }
    claims.put("sub", subject);
    claims.put("iss", issuer);
    claims.put("aud", List.of(audience));
    claims.put("iat", Instant.now().getEpochSecond());
    claims.put("jti", java.util.UUID.randomUUID().toString());
    if (event) {
      claims.put("events", Map.of(BackchannelLogout.EVENT, Map.of()));
    }
    return tokens.generateToken(claims).orElseThrow();
  }

  private int me(String session) {
    return send(http, HttpRequest.GET("/api/me").header("Cookie", "JWT=" + session)).code();
  }

  private io.micronaut.http.HttpResponse<String> backchannel(String token) {
    return send(
        http,
        HttpRequest.POST(
                "/auth/backchannel-logout",
                token == null ? Map.of() : Map.of("logout_token", token))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
  }

  /** A staff change from the browser, with its session cookie and CSRF token. */
  private io.micronaut.http.HttpResponse<String> resetPassword(String session) {
    return send(
        http,
        HttpRequest.POST("/api/staff/" + java.util.UUID.randomUUID() + "/password-reset", Map.of())
            .header("Cookie", "JWT=" + session + "; XSRF-TOKEN=t0k3n")
            .header("X-XSRF-TOKEN", "t0k3n"));
  }

  @Test
  void an_admins_staff_changes_act_with_the_grant_of_their_sign_in_which_ends_with_it() {
    var zhao = User.with("supervisor", "admin");
    var now = Instant.now();
    var session = sessionOf(zhao, now.getEpochSecond() - 60, "kc-session-zhao");

    // no grant kept for this sign-in: asked to sign in again, before anything reaches Keycloak
    var refused = resetPassword(session);
    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.body()).contains("\"code\":\"refusal.sign-in-again\"");

    // with the grant its sign-in left, the change goes on to Keycloak (not running here: 503)
    adminSignIns.keep(
        "kc-session-zhao",
        new org.clearpath.domain.shared.UserId(zhao.id()),
        "refresh-of-zhao",
        now.plusSeconds(3600));
    assertThat(resetPassword(session).code()).isEqualTo(503);
    // another admin's session naming zhao's sign-in does not get her grant
    var qian = sessionOf(User.with("admin"), now.getEpochSecond() - 60, "kc-session-zhao");
    assertThat(resetPassword(qian).body()).contains("refusal.sign-in-again");

    // Keycloak says the sign-in ended: the grant goes with it
    assertThat(
            backchannel(logoutToken(zhao.id(), ISSUER, "clearpath-web", true, "kc-session-zhao"))
                .code())
        .isEqualTo(200);
    assertThat(
            adminSignIns.grant(
                "kc-session-zhao", new org.clearpath.domain.shared.UserId(zhao.id()), now))
        .isEmpty();

    // logging out of Clearpath takes it too
    var later = sessionOf(zhao, now.getEpochSecond() + 5, "kc-session-zhao-2");
    adminSignIns.keep(
        "kc-session-zhao-2",
        new org.clearpath.domain.shared.UserId(zhao.id()),
        "refresh-of-zhao-2",
        now.plusSeconds(3600));
    var out =
        send(
            http,
            HttpRequest.POST("/auth/logout", "csrf=t0k3n")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("Cookie", "JWT=" + later + "; XSRF-TOKEN=t0k3n"));
    assertThat(out.code()).isEqualTo(303);
    assertThat(
            adminSignIns.grant(
                "kc-session-zhao-2", new org.clearpath.domain.shared.UserId(zhao.id()), now))
        .isEmpty();
  }

  @Test
  void a_logout_token_ends_the_sessions_made_until_then_and_a_later_login_stands() {
    var wang = User.with("counselor");
    var li = User.with("counselor");
    var now = Instant.now().getEpochSecond();
    var wangsSession = sessionOf(wang, now - 60);
    var lisSession = sessionOf(li, now - 60);
    assertThat(me(wangsSession)).isEqualTo(200);

    assertThat(backchannel(logoutToken(wang.id(), ISSUER, "clearpath-web", true)).code())
        .isEqualTo(200);
    assertThat(me(wangsSession)).isEqualTo(401);
    // only hers
    assertThat(me(lisSession)).isEqualTo(200);
    // a login after it is a new session
    assertThat(me(sessionOf(wang, now + 2))).isEqualTo(200);
  }

  @Test
  void anything_but_the_realms_logout_token_for_this_client_is_refused_naming_the_field() {
    var chen = User.with("client");
    var session = sessionOf(chen, Instant.now().getEpochSecond() - 60);
    for (var token :
        new String[] {
          null,
          "not-a-jwt",
          logoutToken(chen.id(), "http://elsewhere/realms/clearpath", "clearpath-web", true),
          logoutToken(chen.id(), ISSUER, "another-client", true),
          // an access token, not a logout: no back-channel event
          logoutToken(chen.id(), ISSUER, "clearpath-web", false)
        }) {
      var refused = backchannel(token);
      assertThat(refused.code()).as(String.valueOf(token)).isEqualTo(400);
      assertThat(refused.body()).contains("\"field\":\"logout_token\"");
    }
    assertThat(me(session)).isEqualTo(200);
  }

  @Test
  void a_logout_another_instance_heard_of_ends_the_session_here_at_the_next_round() {
    var zhou = User.with("counselor");
    var now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    var session = sessionOf(zhou, now.getEpochSecond() - 60);
    assertThat(me(session)).isEqualTo(200);
    // the back-channel call went to another instance, which wrote it down
    endedSessions.end(org.clearpath.domain.staff.EndedSessions.Kind.USER, zhou.id(), now);
    assertThat(
            endedSessions.endedAfter(
                org.clearpath.domain.staff.EndedSessions.Kind.USER, now.minusSeconds(1)))
        .containsEntry(zhou.id(), now);
    recheck.recheckEveryone();
    assertThat(me(session)).isEqualTo(401);
  }

  @Test
  void a_logout_naming_a_keycloak_session_ends_that_session_only() {
    var wu = User.with("supervisor");
    var now = Instant.now().getEpochSecond();
    var laptop = sessionOf(wu, now, "kc-session-laptop");
    var phone = sessionOf(wu, now, "kc-session-phone");
    assertThat(me(laptop)).isEqualTo(200);
    assertThat(
            backchannel(logoutToken(wu.id(), ISSUER, "clearpath-web", true, "kc-session-laptop"))
                .code())
        .isEqualTo(200);
    assertThat(me(laptop)).isEqualTo(401);
    // made in the same second, from another Keycloak session: it stands
    assertThat(me(phone)).isEqualTo(200);
    assertThat(me(sessionOf(wu, now, "kc-session-new-login"))).isEqualTo(200);
  }
}
