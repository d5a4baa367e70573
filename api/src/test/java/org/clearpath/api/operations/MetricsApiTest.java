package org.clearpath.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.clearpath.api.stage.StageJob;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The operations metrics: only for the scraper's token, with routes, the pool and the jobs. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsApiTest implements TestPropertyProvider {
  private static final String TOKEN = "scraper-" + java.util.UUID.randomUUID();

  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject StageJob stageJob;

  private final User supervisor = User.with("supervisor");

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(ApiTestSupport.properties());
    properties.put("clearpath.metrics.token", TOKEN);
    return properties;
  }

  @Test
  void only_the_scrapers_token_reads_them_not_a_user_nor_a_guess() {
    assertThat(ApiTestSupport.send(http, HttpRequest.GET("/metrics")).code()).isEqualTo(401);
    assertThat(ApiTestSupport.send(http, HttpRequest.GET("/metrics").bearerAuth("guess")).code())
        .isEqualTo(401);
    assertThat(
            ApiTestSupport.send(
                    http,
                    HttpRequest.GET("/metrics")
                        .bearerAuth(ApiTestSupport.tokenFor(tokens, supervisor)))
                .code())
        .as("a supervisor's own token is not the scraper's")
        .isEqualTo(401);
  }

  @Test
  void they_time_each_route_and_job_and_show_the_connection_pool() {
    var asked =
        ApiTestSupport.send(
            http,
            HttpRequest.GET("/api/cases?size=5")
                .bearerAuth(ApiTestSupport.tokenFor(tokens, supervisor)));
    assertThat(asked.code()).isEqualTo(200);
    stageJob.run();

    var scraped = ApiTestSupport.send(http, HttpRequest.GET("/metrics").bearerAuth(TOKEN));

    assertThat(scraped.code()).as(ApiTestSupport.bodyOf(scraped)).isEqualTo(200);
    assertThat(scraped.getContentType().orElseThrow().toString()).startsWith("text/plain");
    var text = ApiTestSupport.bodyOf(scraped);
    assertThat(text)
        .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/cases[{\"]")
        .contains("clearpath_job_duration_seconds_count{job=\"stage\"")
        .contains("clearpath_job_changes_total{change=\"stage\",job=\"stage\"")
        .contains("jvm_memory_used_bytes")
        .containsPattern("(hikaricp|jdbc)_connections_active");
  }

  @Test
  void operators_read_the_health_details_with_the_token_and_nobody_else_does() {
    assertThat(ApiTestSupport.send(http, HttpRequest.GET("/metrics/health")).code()).isEqualTo(401);
    assertThat(
            ApiTestSupport.send(
                    http,
                    HttpRequest.GET("/metrics/health")
                        .bearerAuth(ApiTestSupport.tokenFor(tokens, supervisor)))
                .code())
        .isEqualTo(401);
    var details = ApiTestSupport.send(http, HttpRequest.GET("/metrics/health").bearerAuth(TOKEN));
    assertThat(details.code()).isEqualTo(200);
    // the database check, with what it found
    assertThat(details.body()).contains("\"status\":\"UP\"").contains("jdbc").contains("details");
    // /health itself stays UP or DOWN, whoever asks
    var plain =
        ApiTestSupport.send(
            http,
            HttpRequest.GET("/health").bearerAuth(ApiTestSupport.tokenFor(tokens, supervisor)));
    assertThat(plain.body()).doesNotContain("jdbc");
  }
}
