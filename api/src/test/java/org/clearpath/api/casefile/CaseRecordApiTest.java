package org.clearpath.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.bodyOf;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
class CaseRecordApiTest implements TestPropertyProvider {
  private static final String ID_NUMBER = "11010519491231002X";

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
  private CaseFile chensCase;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  @BeforeAll
  void aCase() {
    chensCase =
        cases.open(
            new OpenCase(new ClientName("陈小明"), Optional.of(new UserId(chen.id()))),
            ApiTestSupport.counselor(wang));
    var body = new HashMap<String, Object>();
    body.put("phone", "138 0013 8000");
    body.put("email", "chen@example.org");
    body.put("idNumber", ID_NUMBER);
    body.put("householdNotes", "lives with two children; husband unemployed");
    body.put("version", 0);
    assertThat(as(wang, HttpRequest.PUT("/api/cases/" + chensCase.id() + "/record", body)).code())
        .isEqualTo(200);
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  @Test
  void the_id_number_is_masked_and_only_staff_reveal_it_with_an_audit_entry() {
    var record = as(wang, HttpRequest.GET("/api/cases/" + chensCase.id() + "/record"));
    assertThat(bodyOf(record)).doesNotContain(ID_NUMBER).contains("110***********002X");
    var audit = as(supervisor, HttpRequest.GET("/api/cases/" + chensCase.id() + "/audit"));
    assertThat(bodyOf(audit)).doesNotContain(ID_NUMBER);

    var revealed =
        as(supervisor, HttpRequest.POST("/api/cases/" + chensCase.id() + "/id-number/reveal", ""));
    assertThat(json(mapper, revealed)).containsEntry("idNumber", ID_NUMBER);
    assertThat(
            jsonList(mapper, as(wang, HttpRequest.GET("/api/cases/" + chensCase.id() + "/audit"))))
        .extracting(e -> e.get("action"))
        .contains("case.id-number-revealed");

    assertThat(
            as(chen, HttpRequest.POST("/api/cases/" + chensCase.id() + "/id-number/reveal", ""))
                .code())
        .isEqualTo(403);
    assertThat(
            as(li, HttpRequest.POST("/api/cases/" + chensCase.id() + "/id-number/reveal", ""))
                .code())
        .isEqualTo(404);
  }

  @Test
  void household_notes_and_the_record_are_never_for_the_client() {
    assertThat(as(chen, HttpRequest.GET("/api/cases/" + chensCase.id() + "/record")).code())
        .isEqualTo(403);
    assertThat(bodyOf(as(chen, HttpRequest.GET("/api/cases/" + chensCase.id()))))
        .doesNotContain("children");
    assertThat(as(li, HttpRequest.GET("/api/cases/" + chensCase.id() + "/record")).code())
        .isEqualTo(404);
    assertThat(bodyOf(as(supervisor, HttpRequest.GET("/api/cases/" + chensCase.id() + "/record"))))
        .contains("two children");
  }

  @Test
  void a_status_change_needs_a_reason_and_the_current_version() {
    var url = "/api/cases/" + chensCase.id() + "/status";
    var version =
        ((Number)
                json(mapper, as(wang, HttpRequest.GET("/api/cases/" + chensCase.id() + "/record")))
                    .get("version"))
            .longValue();
    var noReason =
        as(
            wang,
            HttpRequest.PUT(
                url, Map.of("status", "IN_NEGOTIATION", "reason", "", "version", version)));
    assertThat(noReason.code()).isEqualTo(400);
    assertThat(bodyOf(noReason)).contains("\"field\":\"reason\"");
    var stale =
        as(
            wang,
            HttpRequest.PUT(
                url,
                Map.of("status", "IN_NEGOTIATION", "reason", "talks", "version", version - 1)));
    assertThat(stale.code()).isEqualTo(409);
    assertThat(
            as(
                    supervisor,
                    HttpRequest.PUT(
                        url, Map.of("status", "CLOSED", "reason", "x", "version", version)))
                .code())
        .isEqualTo(403);
    var ok =
        as(
            wang,
            HttpRequest.PUT(
                url,
                Map.of(
                    "status",
                    "IN_NEGOTIATION",
                    "reason",
                    "lender agreed to talk",
                    "version",
                    version)));
    assertThat(json(mapper, ok))
        .containsEntry("status", "IN_NEGOTIATION")
        .containsEntry("statusReason", "lender agreed to talk");
  }

  @Test
  void staff_search_by_name_phone_or_id_number_within_what_they_may_see() {
    assertThat(ids(as(wang, HttpRequest.GET(search("小明"))))).contains(chensCase.id().toString());
    assertThat(ids(as(wang, HttpRequest.GET(search("13800138000")))))
        .contains(chensCase.id().toString());
    assertThat(ids(as(supervisor, HttpRequest.GET(search(ID_NUMBER.toLowerCase())))))
        .contains(chensCase.id().toString());
    assertThat(ids(as(li, HttpRequest.GET(search("小明"))))).isEmpty();
    assertThat(ids(as(wang, HttpRequest.GET(search("nobody-like-this"))))).isEmpty();
  }

  @Test
  void the_counselor_ticks_off_recommended_actions_of_the_current_stage() {
    var base = "/api/cases/" + chensCase.id() + "/checklist";
    var before = json(mapper, as(wang, HttpRequest.GET(base)));
    assertThat(before).containsEntry("stage", "CURRENT");
    assertThat(
            as(wang, HttpRequest.PUT(base + "/CURRENT/check-debts", Map.of("done", true))).code())
        .isEqualTo(204);
    var after = json(mapper, as(supervisor, HttpRequest.GET(base)));
    @SuppressWarnings("unchecked")
    var items = (List<Map<String, Object>>) after.get("items");
    assertThat(items)
        .extracting(i -> i.get("key"))
        .containsExactly("contact-before-due", "check-debts", "list-budget");
    assertThat(items.get(1)).containsEntry("done", true).containsEntry("doneBy", wang.username());
    assertThat(items.get(0)).containsEntry("done", false);

    assertThat(as(chen, HttpRequest.GET(base)).code()).isEqualTo(403);
    assertThat(as(li, HttpRequest.GET(base)).code()).isEqualTo(404);
    assertThat(as(li, HttpRequest.PUT(base + "/CURRENT/check-debts", Map.of("done", false))).code())
        .isEqualTo(404);
    assertThat(
            as(supervisor, HttpRequest.PUT(base + "/CURRENT/check-debts", Map.of("done", false)))
                .code())
        .isEqualTo(403);
    var unknown = as(wang, HttpRequest.PUT(base + "/CURRENT/dance", Map.of("done", true)));
    assertThat(unknown.code()).isEqualTo(400);
    assertThat(bodyOf(unknown)).contains("\"field\":\"item\"");
  }

  @Test
  void a_stage_set_by_hand_needs_a_reason_and_shows_who_set_it() {
    var wangLi = User.with("client");
    var caseFile =
        cases.open(
            new OpenCase(new ClientName("王丽"), Optional.of(new UserId(wangLi.id()))),
            ApiTestSupport.counselor(wang));
    var url = "/api/cases/" + caseFile.id() + "/stage";
    var noReason = as(wang, HttpRequest.PUT(url, Map.of("stage", "LATE", "reason", " ")));
    assertThat(noReason.code()).isEqualTo(400);
    assertThat(bodyOf(noReason)).contains("\"field\":\"reason\"");
    assertThat(as(supervisor, HttpRequest.PUT(url, Map.of("stage", "LATE", "reason", "x"))).code())
        .isEqualTo(403);
    assertThat(
            as(
                    wang,
                    HttpRequest.PUT(
                        url,
                        Map.of(
                            "stage", "LATE", "reason", "the lender says 45 days; records pending")))
                .code())
        .isEqualTo(204);
    assertThat(json(mapper, as(supervisor, HttpRequest.GET("/api/cases/" + caseFile.id()))))
        .containsEntry("stage", "LATE");
    var periods =
        jsonList(mapper, as(wang, HttpRequest.GET("/api/cases/" + caseFile.id() + "/stages")));
    assertThat(periods.getLast())
        .containsEntry("stage", "LATE")
        .containsEntry("automatic", false)
        .containsEntry("changedBy", wang.username());
    // the client reads that the counselor set it: not the counselor's words, nor who
    var theirs =
        jsonList(mapper, as(wangLi, HttpRequest.GET("/api/cases/" + caseFile.id() + "/stages")));
    assertThat(theirs.getLast()).containsEntry("stage", "LATE");
    assertThat(theirs.getLast().get("changedBy")).isNull();
    assertThat(theirs.toString())
        .doesNotContain("records pending")
        .doesNotContain(wang.username())
        .contains("stage.set-by-counselor");
  }

  @Test
  void bad_contacts_are_400s_naming_the_field() {
    var body = new HashMap<String, Object>();
    body.put("phone", "call me maybe");
    body.put("version", 0);
    var response = as(wang, HttpRequest.PUT("/api/cases/" + chensCase.id() + "/record", body));
    assertThat(response.code()).isEqualTo(400);
    assertThat(bodyOf(response)).contains("\"field\":\"phone\"");
  }

  @Test
  void the_client_time_zone_is_kept_on_the_record_and_the_office_zone_applies_without_one() {
    var url = "/api/cases/" + chensCase.id() + "/record";
    var before = json(mapper, as(wang, HttpRequest.GET(url)));
    assertThat(before).containsEntry("officeZone", "Asia/Shanghai");
    var body = new HashMap<String, Object>();
    body.put("phone", before.get("phone"));
    body.put("email", before.get("email"));
    body.put("householdNotes", before.get("householdNotes"));
    body.put("zone", "Europe/London");
    body.put("version", before.get("version"));
    var saved = json(mapper, as(wang, HttpRequest.PUT(url, body)));
    assertThat(saved).containsEntry("zone", "Europe/London");
    assertThat(json(mapper, as(supervisor, HttpRequest.GET(url))))
        .containsEntry("zone", "Europe/London");

    body.put("zone", "Mars/Olympus_Mons");
    body.put("version", saved.get("version"));
    var refused = as(wang, HttpRequest.PUT(url, body));
    assertThat(refused.code()).isEqualTo(400);
    assertThat(bodyOf(refused)).contains("\"field\":\"zone\"").contains("input.zone");

    body.put("zone", null);
    var cleared = json(mapper, as(wang, HttpRequest.PUT(url, body)));
    assertThat(cleared.get("zone")).isNull();
  }

  private static String search(String q) {
    return "/api/cases?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
  }

  private List<Object> ids(HttpResponse<String> response) {
    return jsonList(mapper, response).stream().map(c -> c.get("id")).toList();
  }
}
