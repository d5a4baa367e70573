package org.clearpath.api.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the web UI's {@code index.html} for the app's own page routes; the page then asks {@code
 * /api/me} who is logged in. The page holds no data and no token, so it is public.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
public class SinglePageApp {
  private final String indexHtml;

  SinglePageApp(ResourceResolver resources) {
    this.indexHtml =
        resources
            .getResourceAsStream("classpath:public/index.html")
            .map(SinglePageApp::read)
            .orElse(
                "<!doctype html><title>Clearpath</title><p>The web UI is not built: run ./mvnw"
                    + " package.</p>");
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get(
      uris = {
        "/",
        "/cases",
        "/cases/{id}",
        "/my-case",
        "/my-day",
        "/dashboard",
        "/complaints",
        "/login-failed"
      })
  @Produces(MediaType.TEXT_HTML)
  public HttpResponse<String> page() {
    return HttpResponse.ok(indexHtml)
        .header("Cache-Control", "no-cache")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .header(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                + " frame-ancestors 'none'");
  }
}
