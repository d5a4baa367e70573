package org.clearpath.api.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every answer of the API carries: {@code Cache-Control: no-store} (they hold people's
 * finances and IDs: no browser or proxy keeps a copy; an answer that says otherwise keeps its own),
 * and {@code Strict-Transport-Security} when Clearpath is served over HTTPS. For {@code /api},
 * {@code /auth} and {@code /calendar}.
 */
@ServerFilter(io.micronaut.http.annotation.Filter.MATCH_ALL_PATTERN)
public class ResponseHeaders implements io.micronaut.core.order.Ordered {
  static final String HSTS = "max-age=31536000; includeSubDomains";
  private final boolean https;

  ResponseHeaders(@Value("${clearpath.public-url}") String publicUrl) {
    this.https = publicUrl.startsWith("https://");
  }

  /** Before security, so that its refusals (401, 403) carry the headers too. */
  @Override
  public int getOrder() {
    return io.micronaut.http.filter.ServerFilterPhase.SECURITY.before();
  }

  @ResponseFilter
  public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
    var path = request.getPath();
    if (!Paths.isApi(path) && !Paths.isUnder(path, "/auth") && !Paths.isUnder(path, "/calendar")) {
      return;
    }
    if (!response.getHeaders().contains("Cache-Control")) {
      response.header("Cache-Control", "no-store");
    }
    if (https || request.isSecure()) {
      response.header("Strict-Transport-Security", HSTS);
    }
  }
}
