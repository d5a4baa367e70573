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

  MetricsController(
      PrometheusMeterRegistry registry,
      @Nullable @Value("${clearpath.metrics.token:}") String token) {
    this.registry = registry;
    this.token =
        token == null || token.isBlank()
            ? null
            : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Get(produces = FORMAT)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<String> scrape(@Nullable @Header(HttpHeaders.AUTHORIZATION) String given) {
    if (token == null) {
      return HttpResponse.notFound();
    }
    if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
    }
    return HttpResponse.ok(registry.scrape()).contentType(FORMAT);
  }
}
