package org.clearpath.api.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.bodyOf;
import static org.clearpath.api.testing.ApiTestSupport.json;
import static org.clearpath.api.testing.ApiTestSupport.jsonList;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Budgets, plans, payments, the daily watch, tasks, the risk list, CSV and the calendar feed, on a
 * real PostgreSQL, with each role against each resource. The tests run in order on one case.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanApiTest implements TestPropertyProvider {
  private static final byte[] PDF = "%PDF-1.4\n签字的还款协议\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;
  @Inject PlanJob job;
  @Inject org.clearpath.api.testing.MovableClock clock;

  private final User wang = User.with("counselor");
  private final User li = User.with("counselor");
  private final User supervisor = User.with("supervisor");
  private final User chen = User.with("client");
  private final User liu = User.with("client");
  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private CaseFile chensCase;
  private String zhaolian;
  private String weilidai;
  private String planId;
  private String firstDue;

  @Override
  public Map<String, String> getProperties() {
    var props = new HashMap<>(ApiTestSupport.properties());
    props.put("clearpath.test.movable-clock", "true");
    return props;
  }

  @BeforeAll
  void aCaseWithTwoDebts() {
    chensCase =
        cases.open(
            new OpenCase(new ClientName("陈小明"), Optional.of(new UserId(chen.id()))),
            ApiTestSupport.counselor(wang));
    cases.open(
        new OpenCase(new ClientName("刘芳"), Optional.of(new UserId(liu.id()))),
        ApiTestSupport.counselor(li));
    zhaolian = debt("招联金融", "6000.00", today.minusDays(40));
    weilidai = debt("微粒贷", "3000.00", today.minusDays(10));
  }

  private String debt(String lender, String principal, LocalDate due) {
    var created =
        as(
            wang,
            HttpRequest.POST("/api/lenders", Map.of("name", lender, "kind", "ONLINE_PLATFORM")));
    var body = new HashMap<String, Object>();
    body.put("lenderId", json(mapper, created).get("id"));
    body.put("currency", "CNY");
    body.put("principal", principal);
    body.put("interest", "");
    body.put("penaltyInterest", "");
    body.put("fees", "");
    body.put("dues", List.of(Map.of("date", due.toString(), "amount", principal)));
    var response = as(wang, HttpRequest.POST(base() + "/debts", body));
    assertThat(response.code()).as(bodyOf(response)).isEqualTo(201);
    return (String) json(mapper, response).get("id");
  }

  private String base() {
    return "/api/cases/" + chensCase.id();
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private String errorField(HttpResponse<String> response) {
    assertThat(response.code()).as(bodyOf(response)).isEqualTo(400);
    assertThat(response.getContentType().orElseThrow().toString())
        .startsWith("application/problem+json");
    @SuppressWarnings("unchecked")
    var errors = (List<Map<String, String>>) json(mapper, response).get("errors");
    return errors.getFirst().get("field");
  }

  private Map<String, Object> budgetBody(int basedOn, String wages) {
    return Map.of(
        "basedOn",
        basedOn,
        "currency",
        "CNY",
        "incomes",
        List.of(Map.of("kind", "WAGES", "label", "工资", "amount", wages)),
        "expenses",
        List.of(
            Map.of("kind", "HOUSING", "label", "房租", "amount", "1800.00"),
            Map.of("kind", "FOOD", "label", "", "amount", "1200.00"),
            Map.of("kind", "LEISURE", "label", "", "amount", "200.00")),
        "assets",
        List.of(Map.of("kind", "SAVINGS", "label", "", "amount", "2500.00")),
        "note",
        "失业后找到新工作");
  }

  @Test
  @Order(1)
  void a_budget_is_kept_in_versions_by_the_counselor_and_read_by_staff_only() {
    var first = as(wang, HttpRequest.POST(base() + "/budget", budgetBody(0, "4500.00")));
    assertThat(first.code()).as(bodyOf(first)).isEqualTo(201);
    assertThat(json(mapper, first))
        .containsEntry("version", 1)
        .containsEntry("income", "4500.00")
        .containsEntry("essentialExpenses", "3000.00")
        .containsEntry("disposable", "1300.00")
        .containsEntry("fundTargetLow", "9000.00")
        .containsEntry("fundTargetHigh", "18000.00");
    // someone editing version 0 again loses: 409, nothing written
    var stale = as(wang, HttpRequest.POST(base() + "/budget", budgetBody(0, "9999.00")));
    assertThat(stale.code()).isEqualTo(409);
    var second = as(wang, HttpRequest.POST(base() + "/budget", budgetBody(1, "3800.00")));
    assertThat(json(mapper, second))
        .containsEntry("version", 2)
        .containsEntry("disposable", "600.00");

    var history = jsonList(mapper, as(supervisor, HttpRequest.GET(base() + "/budget")));
    assertThat(history).extracting(b -> b.get("version")).containsExactly(2, 1);
    assertThat(as(chen, HttpRequest.GET(base() + "/budget")).code()).isEqualTo(403);
    assertThat(as(li, HttpRequest.GET(base() + "/budget")).code()).isEqualTo(404);
    assertThat(as(liu, HttpRequest.GET(base() + "/budget")).code()).isEqualTo(404);
    assertThat(as(supervisor, HttpRequest.POST(base() + "/budget", budgetBody(2, "1.00"))).code())
        .isEqualTo(403);
    assertThat(as(li, HttpRequest.POST(base() + "/budget", budgetBody(2, "1.00"))).code())
        .isEqualTo(404);

    var bad = new HashMap<>(budgetBody(2, "4000.00"));
    bad.put("expenses", List.of(Map.of("kind", "FOOD", "amount", "12.345")));
    assertThat(errorField(as(wang, HttpRequest.POST(base() + "/budget", bad))))
        .isEqualTo("expenses[0].amount");
    bad.put("expenses", List.of(Map.of("kind", "CAVIAR", "amount", "1")));
    assertThat(errorField(as(wang, HttpRequest.POST(base() + "/budget", bad))))
        .isEqualTo("expenses[0].kind");
    bad.put("expenses", List.of(Map.of("kind", "FOOD", "label", "x".repeat(101), "amount", "1")));
    assertThat(errorField(as(wang, HttpRequest.POST(base() + "/budget", bad))))
        .isEqualTo("expenses[0].label");
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET(base() + "/budget")))).hasSize(2);
  }

  private Map<String, Object> proposal(String kind, List<String> debts, String total, int count) {
    var body = new HashMap<String, Object>();
    body.put("kind", kind);
    body.put("debtIds", debts);
    body.put("agreedTotal", total);
    body.put("instalments", count);
    body.put("firstDue", today.plusDays(3).toString());
    body.put("waivers", List.of(Map.of("kind", "PENALTY_INTEREST", "amount", "300.00")));
    body.put("terms", "停息挂账，免除罚息");
    return body;
  }

  @Test
  @Order(2)
  void the_available_amount_splits_pro_rata_and_bad_proposals_name_the_field() {
    var split =
        jsonList(
            mapper, as(wang, HttpRequest.GET(base() + "/plans/split?amount=600.00&currency=CNY")));
    assertThat(split)
        .extracting(s -> s.get("debtId"), s -> s.get("share"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(zhaolian, "400.00"),
            org.assertj.core.groups.Tuple.tuple(weilidai, "200.00"));
    assertThat(as(chen, HttpRequest.GET(base() + "/plans/split?amount=600.00&currency=CNY")).code())
        .isEqualTo(403);
    assertThat(errorField(as(wang, HttpRequest.GET(base() + "/plans/split?amount=x&currency=CNY"))))
        .isEqualTo("amount");

    assertThat(
            errorField(
                as(
                    wang,
                    HttpRequest.POST(
                        base() + "/plans",
                        proposal("INTEREST_STOP", List.of(zhaolian), "5700.00", 61)))))
        .isEqualTo("instalments");
    assertThat(
            errorField(
                as(
                    wang,
                    HttpRequest.POST(
                        base() + "/plans",
                        proposal("SETTLEMENT", List.of(zhaolian), "3000.00", 2)))))
        .isEqualTo("instalments");
    assertThat(
            errorField(
                as(
                    wang,
                    HttpRequest.POST(
                        base() + "/plans",
                        proposal("INSTALMENTS", List.of(zhaolian, "nope"), "10.00", 1)))))
        .isEqualTo("debtIds[1]");
    assertThat(
            errorField(
                as(
                    wang,
                    HttpRequest.POST(
                        base() + "/plans",
                        proposal("INSTALMENTS", List.of(zhaolian, zhaolian), "10.00", 1)))))
        .isEqualTo("debtIds[1]");
    assertThat(
            errorField(
                as(
                    wang,
                    HttpRequest.POST(
                        base() + "/plans",
                        proposal("INSTALMENTS", List.of(zhaolian), "10.001", 1)))))
        .isEqualTo("agreedTotal");
    var tooMuchWaived = proposal("INSTALMENTS", List.of(zhaolian), "10.00", 1);
    tooMuchWaived.put("waivers", List.of(Map.of("kind", "PRINCIPAL", "amount", "6000.01")));
    assertThat(errorField(as(wang, HttpRequest.POST(base() + "/plans", tooMuchWaived))))
        .isEqualTo("waivers");
    var late = proposal("INSTALMENTS", List.of(zhaolian), "10.00", 1);
    late.put("firstDue", "2026-02-30");
    assertThat(errorField(as(wang, HttpRequest.POST(base() + "/plans", late))))
        .isEqualTo("firstDue");
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET(base() + "/plans")))).isEmpty();
  }

  @Test
  @Order(3)
  void
      a_proposal_warns_when_the_plans_ask_more_than_is_disposable_and_the_client_does_not_see_it() {
    assertThat(
            as(
                    li,
                    HttpRequest.POST(
                        base() + "/plans",
                        proposal("INTEREST_STOP", List.of(zhaolian), "5700.00", 6)))
                .code())
        .isEqualTo(404);
    assertThat(
            as(
                    supervisor,
                    HttpRequest.POST(
                        base() + "/plans",
                        proposal("INTEREST_STOP", List.of(zhaolian), "5700.00", 6)))
                .code())
        .isEqualTo(403);
    // 5700.00 in 6: 950.00 a month, more than the 600.00 disposable
    var response =
        as(
            wang,
            HttpRequest.POST(
                base() + "/plans", proposal("INTEREST_STOP", List.of(zhaolian), "5700.00", 6)));
    assertThat(response.code()).as(bodyOf(response)).isEqualTo(201);
    @SuppressWarnings("unchecked")
    var plan = (Map<String, Object>) json(mapper, response).get("plan");
    @SuppressWarnings("unchecked")
    var affordability = (Map<String, Object>) json(mapper, response).get("affordability");
    assertThat(affordability).containsEntry("exceeds", true).containsEntry("disposable", "600.00");
    assertThat(plan)
        .containsEntry("status", "PROPOSED")
        .containsEntry("balanceBefore", "6000.00")
        .containsEntry("waived", "300.00")
        .containsEntry("agreedTotal", "5700.00");
    @SuppressWarnings("unchecked")
    var instalments = (List<Map<String, Object>>) plan.get("instalments");
    assertThat(instalments)
        .hasSize(6)
        .allSatisfy(i -> assertThat(i.get("amount")).isEqualTo("950.00"));
    planId = (String) plan.get("id");
    firstDue = (String) instalments.getFirst().get("dueOn");

    // the same debt cannot be in two open plans
    assertThat(
            errorField(
                as(
                    wang,
                    HttpRequest.POST(
                        base() + "/plans",
                        proposal("SETTLEMENT", List.of(zhaolian), "3000.00", 1)))))
        .isEqualTo("debtIds[0]");
    assertThat(jsonList(mapper, as(chen, HttpRequest.GET(base() + "/plans")))).isEmpty();
    assertThat(jsonList(mapper, as(supervisor, HttpRequest.GET(base() + "/plans")))).hasSize(1);
    assertThat(as(liu, HttpRequest.GET(base() + "/plans")).code()).isEqualTo(404);
  }

  private Map<String, Object> plan(User user) {
    return jsonList(mapper, as(user, HttpRequest.GET(base() + "/plans"))).stream()
        .filter(p -> p.get("id").equals(planId))
        .findFirst()
        .orElseThrow();
  }

  private long version() {
    return ((Number) plan(wang).get("version")).longValue();
  }

  @Test
  @Order(4)
  void a_plan_is_agreed_only_with_the_signed_agreement_of_this_case() {
    var noFile = Map.<String, Object>of("agreedOn", today.toString(), "version", version());
    assertThat(
            errorField(as(wang, HttpRequest.POST("/api/plans/" + planId + "/agreement", noFile))))
        .isEqualTo("agreementFileId");
    var upload =
        as(
            wang,
            HttpRequest.POST(base() + "/evidence?name=agreement.pdf", PDF)
                .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE));
    assertThat(upload.code()).isEqualTo(201);
    var fileId = (String) json(mapper, upload).get("id");
    var tomorrow =
        Map.<String, Object>of(
            "agreedOn",
            today.plusDays(1).toString(),
            "agreementFileId",
            fileId,
            "version",
            version());
    assertThat(
            errorField(as(wang, HttpRequest.POST("/api/plans/" + planId + "/agreement", tomorrow))))
        .isEqualTo("agreedOn");
    var stale =
        Map.<String, Object>of(
            "agreedOn", today.toString(), "agreementFileId", fileId, "version", version() + 1);
    assertThat(as(wang, HttpRequest.POST("/api/plans/" + planId + "/agreement", stale)).code())
        .isEqualTo(409);
    var agree =
        Map.<String, Object>of(
            "agreedOn", today.toString(), "agreementFileId", fileId, "version", version());
    assertThat(as(chen, HttpRequest.POST("/api/plans/" + planId + "/agreement", agree)).code())
        .isEqualTo(403);
    assertThat(as(li, HttpRequest.POST("/api/plans/" + planId + "/agreement", agree)).code())
        .isEqualTo(404);
    var agreed = as(wang, HttpRequest.POST("/api/plans/" + planId + "/agreement", agree));
    assertThat(agreed.code()).as(bodyOf(agreed)).isEqualTo(200);
    assertThat(json(mapper, agreed))
        .containsEntry("status", "AGREED")
        .containsEntry("agreementFileId", fileId);

    // the plan now carries the debt: its 40 days past due no longer count, the weilidai 10 do
    var caseView = json(mapper, as(wang, HttpRequest.GET(base())));
    assertThat(caseView).containsEntry("stage", "MID");
    var covered =
        jsonList(mapper, as(chen, HttpRequest.GET(base() + "/debts"))).stream()
            .filter(d -> d.get("id").equals(zhaolian))
            .findFirst()
            .orElseThrow();
    assertThat(covered)
        .containsEntry("planId", planId)
        .containsEntry("planStatus", "AGREED")
        .containsEntry("daysPastDue", 0)
        .containsEntry("stage", "CURRENT");
    // and the client sees the agreed plan with its next payment
    var seen = plan(chen);
    @SuppressWarnings("unchecked")
    var next = (Map<String, Object>) seen.get("next");
    assertThat(next)
        .containsEntry("number", 1)
        .containsEntry("dueOn", firstDue)
        .containsEntry("unpaid", "950.00");
  }

  @Test
  @Order(5)
  void payments_partial_and_early_fill_the_oldest_instalment_and_overpaying_is_refused() {
    var partial =
        Map.<String, Object>of(
            "paidOn", today.toString(), "amount", "500.00", "note", "支付宝", "version", version());
    assertThat(as(chen, HttpRequest.POST("/api/plans/" + planId + "/payments", partial)).code())
        .isEqualTo(403);
    assertThat(
            as(supervisor, HttpRequest.POST("/api/plans/" + planId + "/payments", partial)).code())
        .isEqualTo(403);
    var first = as(wang, HttpRequest.POST("/api/plans/" + planId + "/payments", partial));
    assertThat(first.code()).as(bodyOf(first)).isEqualTo(201);
    assertThat(json(mapper, first))
        .containsEntry("status", "ACTIVE")
        .containsEntry("paid", "500.00");
    var again = as(wang, HttpRequest.POST("/api/plans/" + planId + "/payments", partial));
    assertThat(again.code()).as("same version twice").isEqualTo(409);

    var more =
        Map.<String, Object>of(
            "paidOn", today.toString(), "amount", "600.00", "version", version());
    var second =
        json(mapper, as(wang, HttpRequest.POST("/api/plans/" + planId + "/payments", more)));
    @SuppressWarnings("unchecked")
    var instalments = (List<Map<String, Object>>) second.get("instalments");
    assertThat(instalments.get(0)).containsEntry("state", "PAID").containsEntry("early", true);
    assertThat(instalments.get(1))
        .containsEntry("state", "PARTLY_PAID")
        .containsEntry("paid", "150.00");

    var tooMuch =
        Map.<String, Object>of(
            "paidOn", today.toString(), "amount", "4600.01", "version", version());
    assertThat(
            errorField(as(wang, HttpRequest.POST("/api/plans/" + planId + "/payments", tooMuch))))
        .isEqualTo("amount");
    var future =
        Map.<String, Object>of(
            "paidOn", today.plusDays(1).toString(), "amount", "1.00", "version", version());
    assertThat(errorField(as(wang, HttpRequest.POST("/api/plans/" + planId + "/payments", future))))
        .isEqualTo("paidOn");
    var zero =
        Map.<String, Object>of("paidOn", today.toString(), "amount", "0", "version", version());
    assertThat(errorField(as(wang, HttpRequest.POST("/api/plans/" + planId + "/payments", zero))))
        .isEqualTo("amount");

    // the payments also reduce what is left on the debt
    var debts = jsonList(mapper, as(wang, HttpRequest.GET(base() + "/debts")));
    assertThat(debts.stream().filter(d -> d.get("id").equals(zhaolian)).findFirst().orElseThrow())
        .containsEntry("outstanding", "4900.00");
    var seen = plan(chen);
    assertThat(seen.get("payments")).asList().hasSize(2);
    // the client sees the payments, not the counselor's note on them nor who recorded them
    assertThat(plan(wang).toString()).contains("支付宝").contains(wang.username());
    assertThat(seen.toString()).doesNotContain("支付宝").doesNotContain(wang.username());
    var csv = bodyOf(as(chen, HttpRequest.GET(base() + "/plans/payments.csv")));
    assertThat(csv).contains("500.00").doesNotContain("支付宝").doesNotContain(wang.username());
    assertThat(bodyOf(as(wang, HttpRequest.GET(base() + "/plans/payments.csv"))))
        .contains("支付宝")
        .contains(wang.username());
  }

  @Test
  @Order(6)
  void the_daily_watch_marks_a_missed_instalment_the_day_after_its_due_date_and_raises_a_task() {
    var due = LocalDate.parse(firstDue).plusMonths(1); // instalment 2, 150.00 of 950.00 paid
    clock.moveTo(due);
    assertThat(job.run(due).missed()).isZero();
    assertThat(plan(wang).get("missed")).isEqualTo(0);
    clock.moveTo(due.plusDays(1));
    var run = job.run(due.plusDays(1));
    assertThat(run.missed()).isEqualTo(1);
    assertThat(run.broken()).isZero();
    assertThat(job.run(due.plusDays(1)).missed()).as("run twice, one task").isZero();

    var tasks = jsonList(mapper, as(wang, HttpRequest.GET("/api/tasks")));
    assertThat(tasks)
        .filteredOn(t -> planId.equals(t.get("planId")))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t)
                  .containsEntry("kind", "INSTALMENT_MISSED")
                  .containsEntry("instalment", 2);
              assertThat(t)
                  .containsEntry("dueOn", due.toString())
                  .containsEntry("clientName", "陈小明");
            });
    assertThat(jsonList(mapper, as(li, HttpRequest.GET("/api/tasks"))))
        .noneMatch(t -> planId.equals(t.get("planId")));
    assertThat(as(chen, HttpRequest.GET("/api/tasks")).code()).isEqualTo(403);
    var onePage = as(wang, HttpRequest.GET("/api/tasks?size=1"));
    assertThat(jsonList(mapper, onePage)).hasSize(1);
    assertThat(onePage.header("X-Total-Count")).isEqualTo(String.valueOf(tasks.size()));
    assertThat(errorField(as(wang, HttpRequest.GET("/api/tasks?page=-1")))).isEqualTo("page");
    var taskId =
        (String)
            tasks.stream()
                .filter(t -> planId.equals(t.get("planId")))
                .findFirst()
                .orElseThrow()
                .get("id");
    assertThat(as(li, HttpRequest.POST("/api/tasks/" + taskId + "/done", Map.of())).code())
        .isEqualTo(404);
    assertThat(as(wang, HttpRequest.POST("/api/tasks/" + taskId + "/done", Map.of())).code())
        .isEqualTo(204);
    assertThat(as(wang, HttpRequest.POST("/api/tasks/" + taskId + "/done", Map.of())).code())
        .isEqualTo(409);
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET("/api/tasks"))))
        .noneMatch(t -> taskId.equals(t.get("id")));
  }

  @Test
  @Order(7)
  void exports_are_csv_for_whoever_sees_the_case() {
    var plans = as(chen, HttpRequest.GET(base() + "/plans/export.csv"));
    assertThat(plans.code()).isEqualTo(200);
    var text = bodyOf(plans);
    assertThat(text).startsWith("\uFEFF\"plan_id\"");
    assertThat(text.lines()).hasSize(7);
    assertThat(text).contains("\"950.00\"", "\"PAID\"", "\"招联金融\"");
    var payments = bodyOf(as(supervisor, HttpRequest.GET(base() + "/plans/payments.csv")));
    assertThat(payments.lines()).hasSize(3);
    assertThat(payments).contains("\"500.00\"", "\"支付宝\"");
    assertThat(as(liu, HttpRequest.GET(base() + "/plans/payments.csv")).code()).isEqualTo(404);
  }

  @Test
  @Order(8)
  void the_client_has_a_secret_revocable_calendar_feed_of_what_is_still_to_pay() {
    assertThat(as(wang, HttpRequest.POST(base() + "/calendar", Map.of())).code()).isEqualTo(403);
    assertThat(as(liu, HttpRequest.POST(base() + "/calendar", Map.of())).code()).isEqualTo(404);
    var created = as(chen, HttpRequest.POST(base() + "/calendar", Map.of()));
    assertThat(created.code()).isEqualTo(201);
    var url = (String) json(mapper, created).get("url");
    assertThat(url).startsWith("http://localhost:8080/calendar/").endsWith(".ics");
    var path = url.substring("http://localhost:8080".length());

    var feed = send(http, HttpRequest.GET(path));
    assertThat(feed.code()).isEqualTo(200);
    assertThat(feed.getContentType().orElseThrow().toString()).startsWith("text/calendar");
    var ics = bodyOf(feed);
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("END:VCALENDAR");
    // instalment 1 is paid: the feed starts with 2 (800.00 still owed), then 3 to 6
    assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(6);
    var second = LocalDate.parse(firstDue).plusMonths(1);
    assertThat(ics).contains("DTSTART;VALUE=DATE:" + second.toString().replace("-", ""));
    assertThat(ics.replace("\r\n ", "")).contains("800.00 CNY");
    assertThat(ics.lines())
        .allSatisfy(
            l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));

    assertThat(json(mapper, as(wang, HttpRequest.GET(base() + "/calendar"))))
        .containsEntry("active", true);
    assertThat(send(http, HttpRequest.GET("/calendar/not-a-real-secret-at-all-000.ics")).code())
        .isEqualTo(404);
    assertThat(as(chen, HttpRequest.DELETE(base() + "/calendar")).code()).isEqualTo(204);
    assertThat(send(http, HttpRequest.GET(path)).code()).isEqualTo(404);
    assertThat(as(chen, HttpRequest.DELETE(base() + "/calendar")).code()).isEqualTo(404);
  }

  @Test
  @Order(9)
  void too_many_missed_instalments_break_the_plan_and_the_debt_counts_its_own_dues_again() {
    var fourth = LocalDate.parse(firstDue).plusMonths(3);
    // on the day after the 3rd instalment: 2 missed (allowed) → still active, on the risk list
    clock.moveTo(fourth.minusMonths(1).plusDays(1));
    job.run(fourth.minusMonths(1).plusDays(1));
    assertThat(plan(wang)).containsEntry("status", "ACTIVE").containsEntry("missed", 2);
    var risks = jsonList(mapper, as(supervisor, HttpRequest.GET("/api/plans/risks")));
    assertThat(risks)
        .filteredOn(r -> planId.equals(r.get("planId")))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r).containsEntry("clientName", "陈小明").containsEntry("status", "ACTIVE"));
    assertThat(as(wang, HttpRequest.GET("/api/plans/risks")).code()).isEqualTo(403);
    assertThat(as(chen, HttpRequest.GET("/api/plans/risks")).code()).isEqualTo(403);
    // paged: the header counts them all, a page past the end is empty, a bad size names itself
    var firstPage = as(supervisor, HttpRequest.GET("/api/plans/risks?page=0&size=1"));
    assertThat(jsonList(mapper, firstPage)).hasSize(1);
    assertThat(firstPage.header("X-Total-Count")).isEqualTo(String.valueOf(risks.size()));
    assertThat(jsonList(mapper, as(supervisor, HttpRequest.GET("/api/plans/risks?page=99"))))
        .isEmpty();
    assertThat(errorField(as(supervisor, HttpRequest.GET("/api/plans/risks?size=201"))))
        .isEqualTo("size");

    clock.moveTo(fourth.plusDays(1));
    var run = job.run(fourth.plusDays(1));
    assertThat(run.broken()).isEqualTo(1);
    var broken = plan(wang);
    assertThat(broken).containsEntry("status", "BROKEN");
    assertThat((String) broken.get("statusReason")).contains("3 instalments missed");
    // the client sees that it broke (and the missed instalments), not the staff's reason text
    assertThat(plan(chen)).containsEntry("status", "BROKEN");
    assertThat(plan(chen).get("statusReason")).isNull();
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET("/api/tasks"))))
        .anyMatch(t -> planId.equals(t.get("planId")) && "PLAN_BROKEN".equals(t.get("kind")));
    // stage tracking resumed: the debt's own due, months ago, makes the case late again
    assertThat(json(mapper, as(wang, HttpRequest.GET(base())))).containsEntry("stage", "LATE");
    assertThat(jsonList(mapper, as(supervisor, HttpRequest.GET("/api/plans/risks"))))
        .anyMatch(r -> planId.equals(r.get("planId")) && "BROKEN".equals(r.get("status")));

    var audit = jsonList(mapper, as(supervisor, HttpRequest.GET(base() + "/audit")));
    assertThat(audit)
        .extracting(a -> a.get("action"))
        .contains(
            "budget.saved",
            "plan.proposed",
            "plan.agreed",
            "plan.payment-recorded",
            "plan.instalment-missed",
            "plan.broken",
            "task.done",
            "calendar.created",
            "calendar.revoked");
    // a broken plan takes no payments; its debt can go into a new plan
    var pay =
        Map.<String, Object>of("paidOn", today.toString(), "amount", "1.00", "version", version());
    assertThat(errorField(as(wang, HttpRequest.POST("/api/plans/" + planId + "/payments", pay))))
        .isEqualTo("status");
    var settlement = proposal("SETTLEMENT", List.of(zhaolian, weilidai), "4000.00", 1);
    settlement.put("waivers", List.of());
    var response = as(wang, HttpRequest.POST(base() + "/plans", settlement));
    assertThat(response.code()).as(bodyOf(response)).isEqualTo(201);
    @SuppressWarnings("unchecked")
    var debts =
        (List<Map<String, Object>>)
            ((Map<String, Object>) json(mapper, response).get("plan")).get("debts");
    // 4000.00 split 4900.00 : 3000.00
    assertThat(debts).extracting(d -> d.get("share")).containsExactly("2481.01", "1518.99");
  }
}
