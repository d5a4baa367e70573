package org.clearpath.deploy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Headless Debian Chromium driven by Playwright (never a downloaded browser), one context per
 * person. When a test fails, every open page is saved as a screenshot under {@code e2e.artifacts}.
 */
final class Browser implements AutoCloseable, TestWatcher {
  private static final List<String> FLAGS =
      List.of(
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser chromium;
  private final List<BrowserContext> contexts = new ArrayList<>();

  Browser() {
    // two cores run Keycloak, the app, PostgreSQL and Chromium at once: first calls can be slow
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    chromium =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(chromiumBinary())
                    .setHeadless(true)
                    .setArgs(FLAGS));
  }

  private static Path chromiumBinary() {
    var configured = System.getenv("CHROMIUM_PATH");
    for (var candidate :
        configured == null
            ? List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")
            : List.of(configured)) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new IllegalStateException(
        "no Chromium found: apt-get install chromium (or set CHROMIUM_PATH)");
  }

  /** A fresh, cookie-less browser window for one person. */
  Page newPerson() {
    var context =
        chromium.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US")
                .setTimezoneId("Asia/Shanghai"));
    context.setDefaultTimeout(30_000);
    contexts.add(context);
    var page = context.newPage();
    page.onPageError(
        error -> System.err.println("[browser] page error on " + page.url() + ": " + error));
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            System.err.println("[browser] console error on " + page.url() + ": " + message.text());
          }
        });
    return page;
  }

  /**
   * A new person opens the app, follows its login button to Keycloak's own login page and signs in
   * there. Returns the page after the form is sent (a first login may ask for a new password).
   */
  Page logIn(String appUrl, String keycloakUrl, String username, String password) {
    var page = newPerson();
    page.navigate(appUrl + "/");
    page.getByTestId("login").click();
    page.waitForURL(url -> url.startsWith(keycloakUrl));
    page.locator("#username").fill(username);
    page.locator("#password").fill(password);
    page.locator("#kc-login").click();
    return page;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    var dir = Path.of(System.getProperty("e2e.artifacts", "target/e2e-artifacts"));
    int n = 0;
    for (var browserContext : contexts) {
      for (var page : browserContext.pages()) {
        try {
          Files.createDirectories(dir);
          var file = dir.resolve(context.getRequiredTestMethod().getName() + "-" + (n++) + ".png");
          page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
          System.err.println("screenshot of " + page.url() + " saved to " + file);
        } catch (Exception e) {
          System.err.println("could not take a screenshot: " + e);
        }
      }
    }
  }

  @Override
  public void close() {
    contexts.forEach(BrowserContext::close);
    chromium.close();
    playwright.close();
  }
}
