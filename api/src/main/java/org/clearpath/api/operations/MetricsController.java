package org.clearpath.api.operations;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The operations metrics in Prometheus's text format, for a scraper holding the configured token
 * ({@code clearpath.metrics.token}, environment {@code CLEARPATH_METRICS_TOKEN}) as a Bearer token.
 * Without a configured token there are no metrics to read (404); a wrong or missing token is
 * refused (401) before anything is gathered. No user's session or Keycloak token opens it.
 */
@Controller(MetricsController.PATH)
@Hidden
public class MetricsController {
  /** Where the scraper reads; its Bearer token is this controller's, not Keycloak's. */
  public static final String PATH = "/metrics";

  private static final String FORMAT = "text/plain; version=0.0.4; charset=utf-8";
  private final PrometheusMeterRegistry registry;
  private final byte[] token;
  private final io.micronaut.management.health.aggregator.HealthAggregator<?> health;
  private final io.micronaut.management.health.indicator.HealthIndicator[] indicators;

  MetricsController(
      PrometheusMeterRegistry registry,
      io.micronaut.management.health.aggregator.HealthAggregator<?> health,
      io.micronaut.management.health.indicator.HealthIndicator[] indicators,
      @Nullable @Value("${clearpath.metrics.token:}") String token) {
    this.registry = registry;
    this.health = health;
    this.indicators = indicators;
    this.token =
        token == null || token.isBlank()
            ? null
            : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Get(produces = FORMAT)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<String> scrape(@Nullable @Header(HttpHeaders.AUTHORIZATION) String given) {
    HttpResponse<String> refused = refused(given);
    if (refused != null) {
      return refused;
    }
    return HttpResponse.ok(registry.scrape()).contentType(FORMAT);
  }

  /**
   * The health checks with their details (the database, disk space), for operators holding the same
   * token: {@code /health} itself says only UP or DOWN, to anyone.
   */
  @Get(uri = "/health", produces = io.micronaut.http.MediaType.APPLICATION_JSON)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public org.reactivestreams.Publisher<HttpResponse<?>> health(
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String given) {
    HttpResponse<?> refused = refused(given);
    if (refused != null) {
      return io.micronaut.core.async.publisher.Publishers.just(refused);
    }
    return io.micronaut.core.async.publisher.Publishers.map(
        health.aggregate(
            indicators,
            io.micronaut.management.endpoint.health.HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS),
        HttpResponse::ok);
  }

  /** 404 without a configured token, 401 without the right one; nothing when it is right. */
  private <T> @Nullable HttpResponse<T> refused(@Nullable String given) {
    if (token == null) {
      return HttpResponse.notFound();
    }
    if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      return HttpResponse.<T>status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
    }
    return null;
  }
}
