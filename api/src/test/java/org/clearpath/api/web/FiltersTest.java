package org.clearpath.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.Map;
import org.clearpath.api.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every server filter matches every path, so that the router keeps them in one list sorted at
 * start: one with paths of its own makes it match and sort them all again for every request.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiltersTest implements TestPropertyProvider {
  @Inject Router router;
  @Inject org.clearpath.api.operations.HealthStatus healthStatus;

  @Inject
  @Client("/")
  HttpClient http;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  @Test
  void the_filters_are_found_once_for_every_request() {
    var api = router.findFilters(HttpRequest.POST("/api/cases/x/contacts", "{}"));
    var health = router.findFilters(HttpRequest.GET("/health"));
    assertThat(api).isSameAs(health).hasSizeGreaterThan(6);
  }

  @Test
  void health_answers_503_when_down_and_200_when_up() {
    var down =
        HttpResponse.ok(
            HealthResult.builder("clearpath", io.micronaut.health.HealthStatus.DOWN).build());
    healthStatus.status(down);
    assertThat(down.status().getCode()).isEqualTo(503);
    var up =
        HttpResponse.ok(
            HealthResult.builder("clearpath", io.micronaut.health.HealthStatus.UP).build());
    healthStatus.status(up);
    assertThat(up.status().getCode()).isEqualTo(200);
    assertThat(send(http, HttpRequest.GET("/health")).code()).isEqualTo(200);
  }
}
