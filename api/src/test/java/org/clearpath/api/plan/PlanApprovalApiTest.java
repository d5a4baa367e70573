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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A proposal waiving much waits for a supervisor: approved, or returned with a reason. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApprovalApiTest implements TestPropertyProvider {
  private static final byte[] PDF =
      "%PDF-1.4\n还款协议 agreement\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;

  private final User wang = User.with("counselor");
  private final User supervisor = User.with("supervisor");
  private final User chen = User.with("client");
  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private CaseFile chensCase;
  private String small;
  private String large;

  @Override
  public Map<String, String> getProperties() {
    var props = new HashMap<>(ApiTestSupport.properties());
    props.put("clearpath.plans.approval.waived-over", "5000");
    props.put("clearpath.plans.approval.principal-share-over", "20");
    return props;
  }

  @BeforeAll
  void aCaseWithTwoDebts() {
    chensCase =
        cases.open(
            new OpenCase(new ClientName("陈小明"), Optional.of(new UserId(chen.id()))),
            ApiTestSupport.counselor(wang));
    small = debt("花呗", "2000.00");
    large = debt("招联金融", "30000.00");
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private String base() {
    return "/api/cases/" + chensCase.id();
  }

  private String debt(String lender, String principal) {
    var created =
        as(wang, HttpRequest.POST("/api/lenders", Map.of("name", lender, "kind", "BNPL")));
    var body = new HashMap<String, Object>();
    body.put("lenderId", json(mapper, created).get("id"));
    body.put("currency", "CNY");
    body.put("principal", principal);
    body.put("interest", "");
    body.put("penaltyInterest", "");
    body.put("fees", "");
    body.put("dues", List.of(Map.of("date", today.minusDays(20).toString(), "amount", principal)));
    var response = as(wang, HttpRequest.POST(base() + "/debts", body));
    assertThat(response.code()).as(bodyOf(response)).isEqualTo(201);
    return (String) json(mapper, response).get("id");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> propose(String debt, String total, String kind, String waived) {
    var body = new HashMap<String, Object>();
    body.put("kind", "SETTLEMENT");
    body.put("debtIds", List.of(debt));
    body.put("agreedTotal", total);
    body.put("instalments", 1);
    body.put("firstDue", today.plusDays(3).toString());
    body.put("waivers", List.of(Map.of("kind", kind, "amount", waived)));
    body.put("terms", "一次性结清");
    var response = as(wang, HttpRequest.POST(base() + "/plans", body));
    assertThat(response.code()).as(bodyOf(response)).isEqualTo(201);
    return (Map<String, Object>) json(mapper, response).get("plan");
  }

  private HttpResponse<String> agree(Map<String, Object> plan) {
    var upload =
        as(
            wang,
            HttpRequest.POST(base() + "/evidence?name=agreement.pdf", PDF)
                .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE));
    var body =
        Map.<String, Object>of(
            "agreedOn",
            today.toString(),
            "agreementFileId",
            json(mapper, upload).get("id"),
            "version",
            plan.get("version"));
    return as(wang, HttpRequest.POST("/api/plans/" + plan.get("id") + "/agreement", body));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> approval(Map<String, Object> plan) {
    return (Map<String, Object>) plan.get("approval");
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_large_waiver_waits_for_a_supervisor_who_approves_it_and_then_it_can_be_agreed() {
    // 9,000 of 30,000 principal waived: 30 % is over 20 %, and 9,000 over 5,000
    var plan = propose(large, "21000.00", "PRINCIPAL", "9000.00");
    assertThat(approval(plan)).containsEntry("status", "PENDING");
    assertThat((Map<String, Object>) approval(plan).get("why"))
        .containsEntry("code", "plan.approval.waived-over");
    var early = agree(plan);
    assertThat(early.code()).as("not before the supervisor approves").isEqualTo(409);
    // a code and the state it is in, for each language to say
    assertThat(early.body()).contains("\"code\":\"refusal.wrong-state\"").contains("PENDING");

    var day = json(mapper, as(supervisor, HttpRequest.GET("/api/my-day")));
    var sections = (List<Map<String, Object>>) day.get("sections");
    assertThat(sections)
        .filteredOn(s -> "PLAN_APPROVAL".equals(s.get("kind")))
        .singleElement()
        .satisfies(s -> assertThat(s.get("items").toString()).contains("陈小明"));

    var url = "/api/plans/" + plan.get("id") + "/approval";
    var decision = new HashMap<String, Object>();
    decision.put("decision", "APPROVE");
    decision.put("version", approval(plan).get("version"));
    assertThat(as(wang, HttpRequest.POST(url, decision)).code()).isEqualTo(403);
    assertThat(as(chen, HttpRequest.POST(url, decision)).code()).isEqualTo(403);
    var approved = as(supervisor, HttpRequest.POST(url, decision));
    assertThat(approved.code()).as(bodyOf(approved)).isEqualTo(200);
    assertThat(approval(json(mapper, approved))).containsEntry("status", "APPROVED");
    assertThat(as(supervisor, HttpRequest.POST(url, decision)).code())
        .as("decided once")
        .isEqualTo(409);

    var fresh =
        jsonList(mapper, as(wang, HttpRequest.GET(base() + "/plans"))).stream()
            .filter(p -> p.get("id").equals(plan.get("id")))
            .findFirst()
            .orElseThrow();
    assertThat(agree(fresh).code()).isEqualTo(200);
    assertThat(bodyOf(as(supervisor, HttpRequest.GET(base() + "/audit"))))
        .contains("plan.approval-requested")
        .contains("plan.approved");
  }

  @Test
  void a_small_waiver_needs_no_approval_and_a_returned_one_says_why_and_stays_unagreed() {
    var plain = propose(small, "1900.00", "PRINCIPAL", "100.00");
    assertThat(plain.get("approval")).as("5 % of the principal").isNull();
    var withdrawal =
        Map.<String, Object>of("reason", "the lender wants more", "version", plain.get("version"));
    assertThat(
            as(wang, HttpRequest.POST("/api/plans/" + plain.get("id") + "/withdrawal", withdrawal))
                .code())
        .isEqualTo(200);

    var share = propose(small, "1500.00", "PRINCIPAL", "500.00");
    @SuppressWarnings("unchecked")
    var why = (Map<String, Object>) approval(share).get("why");
    assertThat(why).containsEntry("code", "plan.approval.principal-share-over");
    var url = "/api/plans/" + share.get("id") + "/approval";
    var back = new HashMap<String, Object>();
    back.put("decision", "RETURN");
    back.put("version", approval(share).get("version"));
    var noReason = as(supervisor, HttpRequest.POST(url, back));
    assertThat(noReason.code()).isEqualTo(400);
    assertThat(bodyOf(noReason)).contains("\"field\":\"note\"");
    back.put("note", "先争取分期，不要一次免除这么多本金");
    var returned = as(supervisor, HttpRequest.POST(url, back));
    assertThat(approval(json(mapper, returned)))
        .containsEntry("status", "RETURNED")
        .containsEntry("note", "先争取分期，不要一次免除这么多本金");
    assertThat(agree(json(mapper, returned)).code()).isEqualTo(409);
    back.put("decision", "MAYBE");
    assertThat(bodyOf(as(supervisor, HttpRequest.POST(url, back))))
        .contains("\"field\":\"decision\"");
  }
}
