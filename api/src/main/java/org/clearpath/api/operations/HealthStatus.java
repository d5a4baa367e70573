package org.clearpath.api.operations;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.filter.HealthResultFilter;
import io.micronaut.management.health.indicator.HealthResult;

/**
 * {@code /health} answers 503 when Clearpath is down, as Micronaut's own {@link HealthResultFilter}
 * does; but on every path, telling a health answer by its body. A filter with paths of its own made
 * the router match every request against them and sort all filters again, for every request; with
 * every filter on {@code /**} it sorts them once, at start.
 */
@Replaces(HealthResultFilter.class)
@Requires(beans = HealthEndpoint.class)
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class HealthStatus {
  private final HealthEndpoint health;

  HealthStatus(HealthEndpoint health) {
    this.health = health;
  }

  @ResponseFilter
  public void status(MutableHttpResponse<?> response) {
    if (!(response.body() instanceof HealthResult result)) {
      return;
    }
    var status = result.getStatus();
    var mapped = health.getStatusConfiguration().getHttpMapping().get(status.getName());
    if (mapped != null) {
      response.status(mapped);
    } else if (!status.getOperational().orElse(true)) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
  }
}
