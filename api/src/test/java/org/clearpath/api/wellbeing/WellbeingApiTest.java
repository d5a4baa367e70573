package org.clearpath.api.wellbeing;

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

/** Wellbeing checks for each role, a crisis answer's urgent task, and the referral list. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WellbeingApiTest implements TestPropertyProvider {
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
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private String url() {
    return "/api/cases/" + chensCase.id() + "/wellbeing";
  }

  private static Map<String, Object> answers(String selfHarm) {
    var body = new HashMap<String, Object>();
    body.put("occasion", "INTAKE");
    body.put("stress", 3);
    body.put("sleep", 2);
    body.put("shame", 3);
    body.put("selfHarm", selfHarm);
    body.put("note", "丈夫失业后整夜睡不着");
    return body;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> crises(User user) {
    var day = json(mapper, as(user, HttpRequest.GET("/api/my-day")));
    var sections = (List<Map<String, Object>>) day.get("sections");
    var crisis = sections.stream().filter(s -> "CRISIS".equals(s.get("kind"))).findFirst();
    assertThat(crisis).as("my day has a crisis section").isPresent();
    return (List<Map<String, Object>>) crisis.get().get("items");
  }

  @Test
  void a_crisis_answer_raises_an_urgent_task_the_supervisor_sees_and_closes() {
    assertThat(crises(supervisor))
        .noneMatch(i -> chensCase.id().toString().equals(i.get("caseId")));
    var calm = as(wang, HttpRequest.POST(url(), answers("NOT_AT_ALL")));
    assertThat(calm.code()).as(calm.body()).isEqualTo(201);
    assertThat(json(mapper, calm)).containsEntry("crisis", false);
    assertThat(crises(supervisor))
        .noneMatch(i -> chensCase.id().toString().equals(i.get("caseId")));

    var crisis = as(wang, HttpRequest.POST(url(), answers("SEVERAL_DAYS")));
    assertThat(json(mapper, crisis)).containsEntry("crisis", true);
    var items =
        crises(supervisor).stream()
            .filter(i -> chensCase.id().toString().equals(i.get("caseId")))
            .toList();
    assertThat(items).hasSize(1);
    assertThat(crises(wang)).hasSize(1); // the counselor's own case
    assertThat(crises(li)).isEmpty();

    @SuppressWarnings("unchecked")
    var task = ((Map<String, String>) items.getFirst().get("params")).get("task_id");
    var done = as(supervisor, HttpRequest.POST("/api/tasks/" + task + "/done", Map.of()));
    assertThat(done.code()).as(done.body()).isBetween(200, 204);
    assertThat(crises(supervisor))
        .noneMatch(i -> chensCase.id().toString().equals(i.get("caseId")));

    var history = jsonList(mapper, as(supervisor, HttpRequest.GET(url())));
    assertThat(history)
        .extracting(c -> c.get("selfHarm"))
        .containsExactly("SEVERAL_DAYS", "NOT_AT_ALL");
    // the audit says a check was made and whether it was a crisis, never the answers
    var audit = as(supervisor, HttpRequest.GET("/api/cases/" + chensCase.id() + "/audit"));
    assertThat(audit.body()).contains("wellbeing.checked").doesNotContain("整夜睡不着");
  }

  @Test
  void the_checks_are_internal_and_only_the_cases_counselor_records_one() {
    assertThat(as(chen, HttpRequest.GET(url())).code()).isEqualTo(403);
    assertThat(as(chen, HttpRequest.POST(url(), answers("NOT_AT_ALL"))).code()).isEqualTo(403);
    assertThat(as(li, HttpRequest.GET(url())).code()).isIn(403, 404);
    assertThat(as(li, HttpRequest.POST(url(), answers("NOT_AT_ALL"))).code()).isIn(403, 404);
    assertThat(as(supervisor, HttpRequest.POST(url(), answers("NOT_AT_ALL"))).code())
        .isEqualTo(403);
    assertThat(as(chen, HttpRequest.GET("/api/wellbeing/referrals")).code()).isEqualTo(403);
  }

  @Test
  void bad_answers_are_400s_naming_the_field_and_nothing_is_stored() {
    var before = jsonList(mapper, as(wang, HttpRequest.GET(url()))).size();
    var tooHigh = answers("NOT_AT_ALL");
    tooHigh.put("stress", 5);
    var refused = as(wang, HttpRequest.POST(url(), tooHigh));
    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.body()).contains("\"field\":\"stress\"");
    var unasked = answers("NOT_AT_ALL");
    unasked.remove("selfHarm");
    assertThat(as(wang, HttpRequest.POST(url(), unasked)).body())
        .contains("\"field\":\"selfHarm\"")
        .contains("input.self-harm-asked");
    var odd = answers("MAYBE");
    assertThat(as(wang, HttpRequest.POST(url(), odd)).body()).contains("\"field\":\"selfHarm\"");
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET(url())))).hasSize(before);
  }

  @Test
  void the_referral_list_comes_from_the_configuration_with_whether_the_office_checked_it() {
    var referrals = jsonList(mapper, as(wang, HttpRequest.GET("/api/wellbeing/referrals")));
    assertThat(referrals).isNotEmpty();
    assertThat(referrals.getFirst()).containsKeys("nameZh", "nameEn", "contact", "checked");
    assertThat(referrals).extracting(r -> r.get("contact")).contains("12356", "120");
  }
}
