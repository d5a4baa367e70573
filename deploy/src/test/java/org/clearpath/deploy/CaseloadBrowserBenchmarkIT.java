package org.clearpath.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Benchmark, not a test: the whole stack with 100,000 cases (Chinese names, 50 counselors, a stage
 * period on each, a contact on every third), and a supervisor in headless Chromium. Prints how long
 * the home (My day) and the caseload take until their first rows show, the page's JavaScript heap
 * after a garbage collection, and how long a search by name takes to answer. Run it with
 *
 * <pre>
 * ./mvnw -B -pl deploy -am verify -Dit.test=CaseloadBrowserBenchmarkIT -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dtest.excludedGroups=
 * </pre>
 *
 * ({@code -Dbench.cases=20000} for a smaller office).
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadBrowserBenchmarkIT {
  private static final int CASES = Integer.getInteger("bench.cases", 100_000);
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂";

  @RegisterExtension static final Browser browser = new Browser();
  private E2eStack stack;

  @BeforeAll
  void startTheStackWithAnOffice() throws Exception {
    stack = E2eStack.start();
    var started = System.nanoTime();
    // names of two or three Chinese characters, numbered so that a search can find one case
    stack.database.execute(
        "insert into case_file (id, client_name, counselor_id, counselor_name, status, stage,"
            + " opened_at, version) select gen_random_uuid(), substr('"
            + SURNAMES
            + "', 1 + i % 20, 1) || substr('"
            + GIVEN
            + "', 1 + (i / 20) % 20, 1) || case when i % 3 = 0 then substr('"
            + GIVEN
            + "', 1 + (i / 400) % 20, 1) else '' end || i, 'counselor-' || (i % 50), 'counselor '"
            + " || (i % 50), 'OPEN', (array['CURRENT','EARLY','MID','LATE','LEGAL'])[1 + i % 5],"
            + " now() - (i || ' minutes')::interval, 0 from generate_series(1, "
            + CASES
            + ") i");
    stack.database.execute(
        "insert into stage_period (case_id, stage, started_on, reason) select id, stage,"
            + " current_date - (abs(hashtext(id::text)) % 200), 'benchmark' from case_file");
    stack.database.execute(
        "insert into contact_entry (id, case_id, occurred_at, client_zone, direction, channel,"
            + " contacted, summary, recorded_by, recorded_by_name, recorded_at) select"
            + " gen_random_uuid(), id, now() - ((abs(hashtext(id::text)) % 60) || '"
            + " days')::interval, 'Asia/Shanghai', 'INBOUND', 'PHONE', 'CLIENT', '电话', 'counselor-1',"
            + " 'c', now() from case_file where abs(hashtext(id::text)) % 3 = 0");
    stack.database.execute("analyze");
    System.out.printf(
        "BENCHMARK %-58s %9.0f ms%n",
        "data: " + CASES + " cases, stage periods, contacts", (System.nanoTime() - started) / 1e6);
  }

  @AfterAll
  void stop() {
    browser.close();
    if (stack != null) {
      stack.close();
    }
  }

  private static void print(String what, double value, String unit) {
    System.out.printf("BENCHMARK %-58s %9.1f %s%n", what, value, unit);
  }

  /** The page's used JavaScript heap after a full garbage collection, from Chromium's metrics. */
  private static double heapMegabytes(Page page) {
    var cdp = page.context().newCDPSession(page);
    cdp.send("HeapProfiler.collectGarbage");
    cdp.send("Performance.enable");
    JsonObject metrics = cdp.send("Performance.getMetrics");
    for (var metric : metrics.getAsJsonArray("metrics")) {
      var m = metric.getAsJsonObject();
      if (m.get("name").getAsString().equals("JSHeapUsedSize")) {
        return m.get("value").getAsDouble() / 1024 / 1024;
      }
    }
    throw new IllegalStateException("Chromium reported no JSHeapUsedSize");
  }

  /** The API requests since the last call, each with how long it took, slowest first. */
  private static void printRequests(java.util.List<com.microsoft.playwright.Request> requests) {
    var done = new java.util.ArrayList<>(requests);
    requests.clear();
    done.stream()
        .filter(r -> r.url().contains("/api/"))
        .sorted(
            java.util.Comparator.comparingDouble(
                (com.microsoft.playwright.Request r) -> -r.timing().responseEnd))
        .limit(4)
        .forEach(
            r ->
                System.out.printf(
                    "BENCHMARK     %-54s %9.1f ms%n",
                    java.net.URI.create(r.url()).getPath()
                        + (r.url().contains("?") ? "?" + r.url().replaceAll(".*\\?", "") : ""),
                    r.timing().responseEnd));
  }

  private static double since(long started) {
    return (System.nanoTime() - started) / 1e6;
  }

  @Test
  void a_supervisor_at_100k_cases() {
    var page =
        browser.logIn(stack.appUrl, stack.keycloak.url(), "supervisor.zhao", "Supervisor-demo-1");
    page.waitForURL(stack.appUrl + "/");
    assertThat(page.getByTestId("my-day")).isVisible();
    var requests =
        java.util.Collections.synchronizedList(
            new java.util.ArrayList<com.microsoft.playwright.Request>());
    page.onRequestFinished(requests::add);

    for (int run = 1; run <= 3; run++) {
      // the home: My day across the supervisor's reach (every case)
      var started = System.nanoTime();
      page.navigate(stack.appUrl + "/");
      page.getByTestId("day-item").first().waitFor();
      print("run " + run + ": home (My day) until its first rows show", since(started), "ms");
      print("run " + run + ": home, JS heap", heapMegabytes(page), "MB");
      printRequests(requests);

      // the caseload: its first page of every case
      started = System.nanoTime();
      page.navigate(stack.appUrl + "/cases");
      page.getByTestId("case-row").first().waitFor();
      print("run " + run + ": caseload until its first page shows", since(started), "ms");
      print("run " + run + ": caseload, JS heap", heapMegabytes(page), "MB");
      printRequests(requests);

      // a search by name: from the last key typed until the rows are the matching cases
      var rows = page.getByTestId("case-row");
      var shown = rows.count();
      var wanted = rows.last().locator("a").first().textContent().trim();
      var search = page.getByTestId("case-search");
      search.fill(wanted.substring(0, wanted.length() - 1));
      started = System.nanoTime();
      search.pressSequentially(wanted.substring(wanted.length() - 1));
      // polled on every animation frame, so the figure is not rounded up to an assertion's retry
      page.waitForFunction(
          "([wanted, shown]) => { const rows = document.querySelectorAll('[data-testid=case-row]');"
              + " return rows.length > 0 && rows.length !== shown"
              + " && rows[0].textContent.includes(wanted) }",
          java.util.List.of(wanted, shown));
      print("run " + run + ": search by name until it answers", since(started), "ms");
      print(
          "run " + run + ": after the search (" + rows.count() + " rows), JS heap",
          heapMegabytes(page),
          "MB");
      printRequests(requests);
    }
  }
}
