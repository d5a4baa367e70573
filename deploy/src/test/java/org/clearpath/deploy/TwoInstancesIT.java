package org.clearpath.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.clearpath.api.plan.PlanJob;
import org.clearpath.api.stage.StageJob;
import org.clearpath.persistence.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances of the app on one PostgreSQL and one Keycloak, as behind a load balancer: a session
 * made through one is accepted by the other, an edit through one makes the same stale edit through
 * the other a 409, a case reads the same on both, and each daily job runs once a day across both
 * while two runs at once still change things once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {
  @RegisterExtension static final Browser browser = new Browser();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private final HttpClient http = HttpClient.newHttpClient();
  private E2eStack stack;
  private ApplicationContext second;
  private String firstUrl;
  private String secondUrl;
  private String token;
  private String caseId;

  @BeforeAll
  void startTwoInstances() throws Exception {
    stack = E2eStack.start();
    firstUrl = stack.appUrl;
    var port = FreePort.find();
    second = stack.anotherInstance(port);
    secondUrl = "http://localhost:" + port;
    token = stack.accessToken("counselor.wang", "Counselor-demo-1");
  }

  @AfterAll
  void stopThem() {
    browser.close();
    if (second != null) {
      second.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void a_session_made_by_one_instance_is_accepted_by_the_other() {
    var page = browser.logIn(firstUrl, stack.keycloak.url(), "counselor.wang", "Counselor-demo-1");
    page.waitForURL(firstUrl + "/");
    assertThat(page.getByTestId("who")).containsText("王");

    // the browser sends the same HttpOnly cookie to the other instance (cookies ignore the port)
    page.navigate(secondUrl + "/");
    assertThat(page.getByTestId("who")).containsText("王");
    assertThat(page.getByTestId("my-day")).isVisible();
    var me = page.context().request().get(secondUrl + "/api/me");
    org.assertj.core.api.Assertions.assertThat(me.status()).isEqualTo(200);
    org.assertj.core.api.Assertions.assertThat(me.text()).contains("counselor.wang");
  }

  @Test
  @Order(2)
  void a_case_opened_through_one_reads_the_same_through_the_other() throws Exception {
    var opened = send(firstUrl, "POST", "/api/cases", "{\"clientName\":\"孙丽\"}", 201);
    caseId = opened.get("caseFile").get("id").asText();
    for (var path :
        List.of(
            "/api/cases/" + caseId,
            "/api/cases/" + caseId + "/record",
            "/api/cases/" + caseId + "/audit",
            "/api/cases/" + caseId + "/debts",
            "/api/cases/" + caseId + "/contacts",
            "/api/cases?q=孙丽")) {
      assertThat(send(secondUrl, "GET", path, null, 200))
          .as(path)
          .isEqualTo(send(firstUrl, "GET", path, null, 200));
    }
  }

  @Test
  @Order(3)
  void an_edit_through_one_makes_the_same_stale_edit_through_the_other_a_conflict()
      throws Exception {
    var record = send(secondUrl, "GET", "/api/cases/" + caseId + "/record", null, 200);
    var version = record.get("version").asLong();
    var edit = "{\"phone\":\"13800138000\",\"version\":" + version + "}";

    send(firstUrl, "PUT", "/api/cases/" + caseId + "/record", edit, 200);
    var stale = send(secondUrl, "PUT", "/api/cases/" + caseId + "/record", edit, 409);

    assertThat(stale.toString()).contains("version");
    assertThat(
            send(secondUrl, "GET", "/api/cases/" + caseId + "/record", null, 200)
                .get("version")
                .asLong())
        .isEqualTo(version + 1);
  }

  @Test
  @Order(4)
  void each_daily_job_runs_once_a_day_across_both_instances() throws Exception {
    var stageJobs = both(StageJob.class);
    var planJobs = both(PlanJob.class);

    var stageRuns = atOnce(() -> stageJobs.get(0).runToday(), () -> stageJobs.get(1).runToday());
    var planRuns = atOnce(() -> planJobs.get(0).runToday(), () -> planJobs.get(1).runToday());

    assertThat(stageRuns).as("stage job runs").containsExactlyInAnyOrder(true, false);
    assertThat(planRuns).as("plan job runs").containsExactlyInAnyOrder(true, false);
    try (var c = connect()) {
      assertThat(
              Sql.query(
                  c,
                  "select job, count(*) from job_run where day = ? group by job order by job",
                  rows -> rows.getString(1) + "=" + rows.getInt(2),
                  TODAY))
          .containsExactly("plan=1", "stage=1");
    }
    // a later run on the same day, on either instance, finds the day done
    assertThat(stageJobs.get(1).runToday()).as("again today").isFalse();
  }

  @Test
  @Order(5)
  void two_plan_watches_at_once_mark_a_missed_instalment_once() throws Exception {
    var plan = aPlanWithAnInstalmentDueYesterday();
    var planJobs = both(PlanJob.class);

    var missed =
        atOnce(
            () -> planJobs.get(0).run(TODAY).missed(), () -> planJobs.get(1).run(TODAY).missed());

    assertThat(missed).as("instalments marked by each run").containsExactlyInAnyOrder(1, 0);
    assertThat(count("select count(*) from task where plan_id = ?", plan)).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from audit_entry where action = 'plan.instalment-missed'"
                    + " and details ->> 'plan' = ?",
                plan.toString()))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from plan_instalment where missed_on = ? and plan_id = ?",
                TODAY,
                plan))
        .isEqualTo(1);
  }

  private <T> List<T> both(Class<T> type) {
    return List.of(stack.app.getBean(type), second.getBean(type));
  }

  /** Both at the same moment, each on its own thread; their answers in order. */
  @SafeVarargs
  private static <T> List<T> atOnce(Callable<T>... work) throws Exception {
    var barrier = new CyclicBarrier(work.length);
    try (var threads = Executors.newFixedThreadPool(work.length)) {
      var futures =
          java.util.Arrays.stream(work)
              .map(
                  w ->
                      threads.submit(
                          () -> {
                            barrier.await();
                            return w.call();
                          }))
              .toList();
      var answers = new java.util.ArrayList<T>();
      for (var f : futures) {
        answers.add(f.get());
      }
      return answers;
    }
  }

  /** An active plan of the case whose first instalment fell due yesterday, unpaid. */
  private UUID aPlanWithAnInstalmentDueYesterday() throws Exception {
    var plan = UUID.randomUUID();
    var file = UUID.randomUUID();
    var caseUuid = UUID.fromString(caseId);
    try (var c = connect()) {
      Sql.update(
          c,
          "insert into evidence_file (id, case_id, file_name, media_type, size_bytes, sha256,"
              + " source, uploaded_by, uploaded_by_name, uploaded_at) values (?, ?,"
              + " 'agreement.pdf', 'application/pdf', 1, repeat('0', 64), 'STAFF', 'c', 'c', now())",
          file,
          caseUuid);
      Sql.update(
          c,
          "insert into plan (id, case_id, kind, currency, agreed_total, terms, status, agreed_on,"
              + " agreement_file, status_on, created_by, created_by_name, created_at)"
              + " values (?, ?, 'INSTALMENTS', 'CNY', 600, '', 'ACTIVE', ?, ?, ?, 'c', 'c', now())",
          plan,
          caseUuid,
          TODAY.minusDays(30),
          file,
          TODAY.minusDays(30));
      Sql.update(
          c,
          "insert into plan_instalment (plan_id, number, due_on, amount)"
              + " values (?, 1, ?, 300), (?, 2, ?, 300)",
          plan,
          TODAY.minusDays(1),
          plan,
          TODAY.plusDays(30));
    }
    return plan;
  }

  private JsonNode send(String base, String method, String path, String body, int status)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(base + path.replace("孙丽", "%E5%AD%99%E4%B8%BD")))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + base + path + ": " + response.body())
        .isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(
        stack.database.jdbcUrl(), stack.database.username(), stack.database.password());
  }

  private int count(String sql, Object... parameters) throws Exception {
    try (var c = connect()) {
      return Sql.query(c, sql, rows -> rows.getInt(1), parameters).getFirst();
    }
  }
}
