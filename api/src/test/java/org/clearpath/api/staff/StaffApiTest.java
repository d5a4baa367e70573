package org.clearpath.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may manage staff, checked before anything reaches Keycloak (none listens in these tests; the
 * end-to-end suite manages staff in a real one).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  private int as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user))).code();
  }

  @Test
  void only_an_admin_manages_staff_and_only_a_supervisor_hands_cases_over() {
    var someone = UUID.randomUUID();
    var invite =
        Map.of(
            "username",
            "counselor.new",
            "firstName",
            "新",
            "email",
            "n@example.org",
            "role",
            "COUNSELOR");
    for (var user :
        List.of(
            User.with("counselor"),
            User.with("supervisor"),
            User.with("client"),
            User.with("director"))) {
      assertThat(as(user, HttpRequest.GET("/api/staff")))
          .as(user.roles().toString())
          .isEqualTo(403);
      assertThat(as(user, HttpRequest.GET("/api/staff/changes"))).isEqualTo(403);
      assertThat(as(user, HttpRequest.POST("/api/staff", invite))).isEqualTo(403);
      assertThat(as(user, HttpRequest.POST("/api/staff/" + someone + "/deactivation", Map.of())))
          .isEqualTo(403);
      assertThat(as(user, HttpRequest.POST("/api/staff/" + someone + "/password-reset", Map.of())))
          .isEqualTo(403);
      assertThat(
              as(
                  user,
                  HttpRequest.POST("/api/staff/" + someone + "/second-factor-reset", Map.of())))
          .isEqualTo(403);
    }
    var handOver = Map.of("to", UUID.randomUUID().toString());
    for (var user : List.of(User.with("counselor"), User.with("admin"), User.with("client"))) {
      assertThat(as(user, HttpRequest.POST("/api/staff/" + someone + "/hand-over", handOver)))
          .as(user.roles().toString())
          .isEqualTo(403);
    }
    assertThat(send(http, HttpRequest.GET("/api/staff")).code()).isEqualTo(401);
  }
}
