package org.clearpath.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.api.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A browser session ends after 30 minutes without a request, whichever instance answers. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleSessionsApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject IdleSessions idle;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  /** A session cookie as the app makes at login, that long ago. */
  private String session(Duration since) {
    var issued = Instant.now().minus(since).getEpochSecond();
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", UUID.randomUUID().toString());
    claims.put("preferred_username", "counselor.idle");
    claims.put("roles", List.of("counselor"));
    claims.put("iat", issued);
    claims.put("exp", Instant.now().plusSeconds(3600).getEpochSecond());
    return "JWT=" + tokens.generateToken(claims).orElseThrow();
  }

  private int me(String cookies) {
    return send(http, HttpRequest.GET("/api/me").header("Cookie", cookies)).code();
  }

  @Test
  void a_session_idle_for_more_than_30_minutes_is_refused_and_activity_keeps_it() {
    assertThat(me(session(Duration.ofMinutes(1)))).isEqualTo(200);
    assertThat(me(session(Duration.ofMinutes(31)))).isEqualTo(401);
    // active a minute ago (the signed cookie of another instance's answer would do the same)
    var active = IdleSessions.COOKIE + "=" + idle.sign(Instant.now().minusSeconds(60));
    assertThat(me(session(Duration.ofMinutes(31)) + "; " + active)).isEqualTo(200);
    // an activity cookie nobody signed, or signed long ago, keeps nothing alive
    var forged = IdleSessions.COOKIE + "=" + Instant.now().getEpochSecond() + ".bm90LXNpZ25lZA";
    assertThat(me(session(Duration.ofMinutes(31)) + "; " + forged)).isEqualTo(401);
    var old = IdleSessions.COOKIE + "=" + idle.sign(Instant.now().minus(Duration.ofMinutes(40)));
    assertThat(me(session(Duration.ofMinutes(45)) + "; " + old)).isEqualTo(401);

    // a request renews the activity cookie (at most once a minute), and a refusal clears both
    var renewed =
        send(http, HttpRequest.GET("/api/me").header("Cookie", session(Duration.ofMinutes(5))));
    assertThat(renewed.getHeaders().getAll("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith(IdleSessions.COOKIE + "="));
    var fresh =
        send(http, HttpRequest.GET("/api/me").header("Cookie", session(Duration.ofSeconds(5))));
    assertThat(fresh.getHeaders().getAll("Set-Cookie"))
        .noneSatisfy(c -> assertThat(c).startsWith(IdleSessions.COOKIE + "="));
    var refused =
        send(http, HttpRequest.GET("/api/me").header("Cookie", session(Duration.ofMinutes(31))));
    assertThat(refused.getHeaders().getAll("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("JWT=").contains("Max-Age=0"));
  }
}
