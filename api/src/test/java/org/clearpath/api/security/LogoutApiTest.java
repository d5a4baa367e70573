package org.clearpath.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.clearpath.api.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Logging out is a form POST that repeats the CSRF cookie: a link or another site cannot do it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogoutApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Override
  public Map<String, String> getProperties() {
    var properties = new java.util.HashMap<>(ApiTestSupport.properties());
    // the answer itself, not where it sends the browser
    properties.put("micronaut.http.client.follow-redirects", "false");
    return properties;
  }

  private static io.micronaut.http.MutableHttpRequest<?> logout(String cookie, String field) {
    var request =
        HttpRequest.POST("/auth/logout", field == null ? Map.of() : Map.of("csrf", field))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    if (cookie != null) {
      request.header("Cookie", CsrfProtection.COOKIE + "=" + cookie);
    }
    return request;
  }

  @Test
  void a_logout_without_the_token_is_refused_and_with_it_ends_both_sessions() {
    assertThat(send(http, logout(null, null)).code()).isEqualTo(403);
    assertThat(send(http, logout("abc", null)).code()).isEqualTo(403);
    assertThat(send(http, logout("abc", "abd")).code()).isEqualTo(403);
    assertThat(send(http, logout(null, "abc")).code()).isEqualTo(403);
    var done = send(http, logout("abc", "abc"));
    assertThat(done.code()).isEqualTo(303);
    assertThat(done.getHeaders().get("Location")).contains("/protocol/openid-connect/logout");
    assertThat(done.getHeaders().getAll("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("JWT=").contains("Max-Age=0"));
    // a link (GET) logs nobody out
    assertThat(send(http, HttpRequest.GET("/auth/logout")).code()).isNotEqualTo(303);
  }
}
