package org.clearpath.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Served as https://…: every API answer says not to keep it, and to come back over HTTPS only. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseHeadersTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(ApiTestSupport.properties());
    properties.put("clearpath.public-url", "https://clearpath.example.org");
    return properties;
  }

  @Test
  void api_answers_are_not_stored_and_ask_for_https_whether_they_succeed_or_fail() {
    var counselor = User.with("counselor");
    var token = ApiTestSupport.tokenFor(tokens, counselor);
    for (var request :
        java.util.List.of(
            HttpRequest.GET("/api/me").bearerAuth(token),
            HttpRequest.GET("/api/cases").bearerAuth(token),
            HttpRequest.GET("/api/cases/not-an-id").bearerAuth(token),
            HttpRequest.GET("/api/me"))) {
      var response = send(http, request);
      assertThat(response.getHeaders().get("Cache-Control"))
          .as(request.getPath() + " " + response.code())
          .isEqualTo("no-store");
      assertThat(response.getHeaders().get("Strict-Transport-Security"))
          .isEqualTo(ResponseHeaders.HSTS);
    }
    // the page itself may be cached and revalidated (it holds no data)
    assertThat(send(http, HttpRequest.GET("/")).getHeaders().get("Cache-Control"))
        .isNotEqualTo("no-store");
  }
}
