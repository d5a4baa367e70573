package org.clearpath.api.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.json;
import static org.clearpath.api.testing.ApiTestSupport.jsonList;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebtApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;

  private final User wang = User.with("counselor");
  private final User li = User.with("counselor");
  private final User supervisor = User.with("supervisor");
  private final User chen = User.with("client");
  private final User liu = User.with("client");
  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private CaseFile chensCase;
  private String lenderId;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  @BeforeAll
  void aCaseWithALender() {
    chensCase =
        cases.open(
            new OpenCase(new ClientName("陈小明"), Optional.of(new UserId(chen.id()))),
            ApiTestSupport.counselor(wang));
    var created =
        as(
            wang,
            HttpRequest.POST("/api/lenders", Map.of("name", "招联金融", "kind", "CONSUMER_FINANCE")));
    assertThat(created.code()).isEqualTo(201);
    lenderId = (String) json(mapper, created).get("id");
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private Map<String, Object> debtBody(String principal, String dueDate, String dueAmount) {
    var body = new HashMap<String, Object>();
    body.put("lenderId", lenderId);
    body.put("product", "好期贷");
    body.put("currency", "CNY");
    body.put("principal", principal);
    body.put("interest", "120.00");
    body.put("penaltyInterest", "35.50");
    body.put("fees", "");
    body.put("dues", List.of(Map.of("date", dueDate, "amount", dueAmount)));
    return body;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Map<String, Object> auditEntry) {
    return (Map<String, Object>) auditEntry.get("details");
  }

  private String firstErrorField(HttpResponse<String> response) {
    @SuppressWarnings("unchecked")
    var errors = (List<Map<String, String>>) json(mapper, response).get("errors");
    return errors.getFirst().get("field");
  }

  @Test
  void a_debt_forty_days_overdue_puts_the_case_in_the_late_stage_at_once() {
    var response =
        as(
            wang,
            HttpRequest.POST(
                "/api/cases/" + chensCase.id() + "/debts",
                debtBody("5000.00", today.minusDays(40).toString(), "800.00")));
    assertThat(response.code()).isEqualTo(201);
    var debt = json(mapper, response);
    assertThat(debt)
        .containsEntry("total", "5155.50")
        .containsEntry("daysPastDue", 40)
        .containsEntry("stage", "LATE");

    var caseView = json(mapper, as(supervisor, HttpRequest.GET("/api/cases/" + chensCase.id())));
    assertThat(caseView).containsEntry("stage", "LATE");
    var periods =
        jsonList(mapper, as(wang, HttpRequest.GET("/api/cases/" + chensCase.id() + "/stages")));
    assertThat(periods.getLast())
        .containsEntry("stage", "LATE")
        .containsEntry("startedOn", today.toString());
    assertThat(periods.getLast().get("why"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("code", "stage.days-past-due")
        .extractingByKey("params")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKeys("lender", "days");
    var on =
        json(
            mapper,
            as(chen, HttpRequest.GET("/api/cases/" + chensCase.id() + "/stage-on?date=" + today)));
    assertThat(on).containsEntry("stage", "LATE");
    var entered =
        jsonList(
            mapper,
            as(
                supervisor,
                HttpRequest.GET(
                    "/api/stages/entered?stage=LATE&from=" + today.minusDays(7) + "&to=" + today)));
    assertThat(entered).extracting(e -> e.get("id")).contains(chensCase.id().toString());
    assertThat(
            jsonList(
                mapper,
                as(
                    li,
                    HttpRequest.GET(
                        "/api/stages/entered?stage=LATE&from="
                            + today.minusDays(7)
                            + "&to="
                            + today))))
        .isEmpty();
  }

  @Test
  void a_lawsuit_puts_the_case_in_the_legal_stage_and_is_validated() {
    var caseFile =
        cases.open(
            new OpenCase(new ClientName("刘芳"), Optional.of(new UserId(liu.id()))),
            ApiTestSupport.counselor(wang));
    var url = "/api/cases/" + caseFile.id() + "/legal-milestones";
    var lawsuit = Map.of("kind", "LAWSUIT_FILED", "on", today.minusDays(3).toString());

    assertThat(as(supervisor, HttpRequest.POST(url, lawsuit)).code()).isEqualTo(403);
    assertThat(as(liu, HttpRequest.POST(url, lawsuit)).code()).isEqualTo(403);
    assertThat(as(li, HttpRequest.POST(url, lawsuit)).code()).isEqualTo(404);
    assertThat(
            firstErrorField(
                as(wang, HttpRequest.POST(url, Map.of("kind", "ARREST", "on", today.toString())))))
        .isEqualTo("kind");
    assertThat(
            firstErrorField(
                as(
                    wang,
                    HttpRequest.POST(
                        url, Map.of("kind", "JUDGMENT", "on", today.plusDays(1).toString())))))
        .isEqualTo("on");
    assertThat(
            firstErrorField(
                as(
                    wang,
                    HttpRequest.POST(
                        url,
                        Map.of(
                            "kind",
                            "JUDGMENT",
                            "on",
                            today.toString(),
                            "endedOn",
                            today.minusDays(1).toString())))))
        .isEqualTo("endedOn");

    assertThat(as(wang, HttpRequest.POST(url, lawsuit)).code()).isEqualTo(201);
    assertThat(json(mapper, as(liu, HttpRequest.GET("/api/cases/" + caseFile.id()))))
        .containsEntry("stage", "LEGAL");
    assertThat(jsonList(mapper, as(liu, HttpRequest.GET(url))))
        .singleElement()
        .satisfies(m -> assertThat(m).containsEntry("kind", "LAWSUIT_FILED"));
    var audit =
        jsonList(mapper, as(supervisor, HttpRequest.GET("/api/cases/" + caseFile.id() + "/audit")));
    assertThat(audit).extracting(e -> e.get("action")).contains("legal.recorded");
  }

  @Test
  void a_mistyped_debt_is_corrected_with_the_current_version_and_audited() {
    var created =
        json(
            mapper,
            as(
                wang,
                HttpRequest.POST(
                    "/api/cases/" + chensCase.id() + "/debts",
                    debtBody("50000.00", today.toString(), "100.00"))));
    var url = "/api/debts/" + created.get("id");
    var body =
        new HashMap<String, Object>(
            Map.of("product", "好期贷", "principal", "5000.00", "interest", "120.00", "version", 0));
    assertThat(as(li, HttpRequest.PUT(url, body)).code()).isEqualTo(404);
    assertThat(as(supervisor, HttpRequest.PUT(url, body)).code()).isEqualTo(403);
    var ok = as(wang, HttpRequest.PUT(url, body));
    assertThat(ok.code()).isEqualTo(200);
    assertThat(json(mapper, ok))
        .containsEntry("principal", "5000.00")
        .containsEntry("total", "5120.00")
        .containsEntry("version", 1);
    assertThat(as(wang, HttpRequest.PUT(url, body)).code()).isEqualTo(409);
    body.put("version", 1);
    body.put("principal", "-5");
    assertThat(firstErrorField(as(wang, HttpRequest.PUT(url, body)))).isEqualTo("principal");
    var audit =
        jsonList(
            mapper, as(supervisor, HttpRequest.GET("/api/cases/" + chensCase.id() + "/audit")));
    assertThat(audit)
        .filteredOn(e -> "debt.corrected".equals(e.get("action")))
        .singleElement()
        .satisfies(
            e ->
                assertThat(details(e).get("before").toString()).contains("principal=50000.00 CNY"));
  }

  @Test
  void who_sees_and_who_changes_debts() {
    as(
        wang,
        HttpRequest.POST(
            "/api/cases/" + chensCase.id() + "/debts",
            debtBody("100.00", today.toString(), "100.00")));
    assertThat(as(chen, HttpRequest.GET("/api/cases/" + chensCase.id() + "/debts")).code())
        .isEqualTo(200);
    assertThat(as(supervisor, HttpRequest.GET("/api/cases/" + chensCase.id() + "/debts")).code())
        .isEqualTo(200);
    assertThat(as(li, HttpRequest.GET("/api/cases/" + chensCase.id() + "/debts")).code())
        .isEqualTo(404);
    assertThat(as(liu, HttpRequest.GET("/api/cases/" + chensCase.id() + "/debts")).code())
        .isEqualTo(404);
    var body = debtBody("1.00", today.toString(), "1.00");
    assertThat(as(li, HttpRequest.POST("/api/cases/" + chensCase.id() + "/debts", body)).code())
        .isEqualTo(404);
    assertThat(
            as(supervisor, HttpRequest.POST("/api/cases/" + chensCase.id() + "/debts", body))
                .code())
        .isEqualTo(403);
    assertThat(as(chen, HttpRequest.POST("/api/cases/" + chensCase.id() + "/debts", body)).code())
        .isEqualTo(403);
    assertThat(as(chen, HttpRequest.GET("/api/lenders")).code()).isEqualTo(403);
  }

  @Test
  void impossible_amounts_dates_and_unknown_lenders_are_400s_naming_the_field() {
    var url = "/api/cases/" + chensCase.id() + "/debts";
    var negative = debtBody("-1.00", today.toString(), "1.00");
    assertThat(firstErrorField(as(wang, HttpRequest.POST(url, negative)))).isEqualTo("principal");
    var decimals = debtBody("1.005", today.toString(), "1.00");
    assertThat(firstErrorField(as(wang, HttpRequest.POST(url, decimals)))).isEqualTo("principal");
    var badDate = debtBody("1.00", "2026-02-30", "1.00");
    assertThat(firstErrorField(as(wang, HttpRequest.POST(url, badDate)))).isEqualTo("dues[0].date");
    var zeroDue = debtBody("1.00", today.toString(), "0");
    assertThat(firstErrorField(as(wang, HttpRequest.POST(url, zeroDue))))
        .isEqualTo("dues[0].amount");
    var unknownLender = debtBody("1.00", today.toString(), "1.00");
    unknownLender.put("lenderId", java.util.UUID.randomUUID().toString());
    var response = as(wang, HttpRequest.POST(url, unknownLender));
    assertThat(response.code()).isEqualTo(400);
    assertThat(firstErrorField(response)).isEqualTo("lenderId");
    var noDues = debtBody("1.00", today.toString(), "1.00");
    noDues.put("dues", List.of());
    assertThat(firstErrorField(as(wang, HttpRequest.POST(url, noDues)))).isEqualTo("dues");
    var badCurrency = debtBody("1.00", today.toString(), "1.00");
    badCurrency.put("currency", "XXQ");
    assertThat(firstErrorField(as(wang, HttpRequest.POST(url, badCurrency)))).isEqualTo("currency");
  }

  @Test
  void a_repayment_needs_the_current_version_and_is_audited_with_before_and_after() {
    var created =
        json(
            mapper,
            as(
                wang,
                HttpRequest.POST(
                    "/api/cases/" + chensCase.id() + "/debts",
                    debtBody("1000.00", today.minusDays(10).toString(), "1000.00"))));
    var debtUrl = "/api/debts/" + created.get("id") + "/repayments";

    var ok =
        as(
            wang,
            HttpRequest.POST(
                debtUrl, Map.of("paidOn", today.toString(), "amount", "300.00", "version", 0)));
    assertThat(ok.code()).isEqualTo(200);
    assertThat(json(mapper, ok)).containsEntry("outstanding", "855.50").containsEntry("version", 1);

    var stale =
        as(
            wang,
            HttpRequest.POST(
                debtUrl, Map.of("paidOn", today.toString(), "amount", "1.00", "version", 0)));
    assertThat(stale.code()).isEqualTo(409);
    assertThat(firstErrorField(stale)).isEqualTo("version");
    // a code for each language to say it in
    assertThat(stale.body()).contains("\"code\":\"refusal.stale-version\"");

    var future =
        as(
            wang,
            HttpRequest.POST(
                debtUrl,
                Map.of("paidOn", today.plusDays(2).toString(), "amount", "1.00", "version", 1)));
    assertThat(firstErrorField(future)).isEqualTo("paidOn");
    assertThat(
            as(
                    li,
                    HttpRequest.POST(
                        debtUrl,
                        Map.of("paidOn", today.toString(), "amount", "1.00", "version", 1)))
                .code())
        .isEqualTo(404);

    var audit =
        jsonList(mapper, as(wang, HttpRequest.GET("/api/cases/" + chensCase.id() + "/audit")));
    assertThat(audit)
        .filteredOn(e -> "debt.repaid".equals(e.get("action")))
        .singleElement()
        .satisfies(
            e ->
                assertThat(details(e))
                    .containsEntry("outstandingBefore", "1155.50 CNY")
                    .containsEntry("outstandingAfter", "855.50 CNY"));
  }
}
