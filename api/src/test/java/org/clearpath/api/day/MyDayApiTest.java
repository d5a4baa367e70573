package org.clearpath.api.day;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "My day" for each role (a counselor's own cases, a supervisor's every case and reviews), and the
 * supervisor dashboard.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyDayApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;
  @Inject org.clearpath.api.testing.MovableClock clock;

  private final User wang = User.with("counselor");
  private final User li = User.with("counselor");
  private final User supervisor = User.with("supervisor");
  private final User client = User.with("client");
  private final User nobody = User.with();

  @Override
  public Map<String, String> getProperties() {
    var props = new java.util.HashMap<>(ApiTestSupport.properties());
    props.put("clearpath.test.movable-clock", "true");
    return props;
  }

  @BeforeAll
  void caseloads() {
    cases.open(
        new OpenCase(new ClientName("吴一"), Optional.empty()), ApiTestSupport.counselor(wang));
    cases.open(new OpenCase(new ClientName("李甲"), Optional.empty()), ApiTestSupport.counselor(li));
  }

  private HttpResponse<String> get(User user, String uri) {
    return ApiTestSupport.send(
        http, HttpRequest.GET(uri).bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> sections(HttpResponse<String> response) {
    assertThat(response.code()).as(ApiTestSupport.bodyOf(response)).isEqualTo(200);
    var day = ApiTestSupport.json(mapper, response);
    var byKind = new java.util.LinkedHashMap<String, Map<String, Object>>();
    for (var section : (List<Map<String, Object>>) day.get("sections")) {
      byKind.put((String) section.get("kind"), section);
    }
    return byKind;
  }

  @SuppressWarnings("unchecked")
  private static List<String> clients(Map<String, Object> section) {
    return ((List<Map<String, Object>>) section.get("items"))
        .stream().map(i -> (String) i.get("clientName")).toList();
  }

  @Test
  void a_counselor_sees_their_own_cases_and_a_supervisor_every_case_and_the_reviews() {
    // nobody has contacted either client: ten days on, both are quiet after a week, not after two
    clock.moveTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10));
    var wangs = sections(get(wang, "/api/my-day?quietDays=7"));
    assertThat(wangs.keySet())
        .containsExactly(
            "CRISIS", "FOLLOW_UP", "TASK", "FINDING", "INCIDENT", "INSTALMENT", "QUIET");
    assertThat(clients(wangs.get("QUIET"))).containsExactly("吴一");
    assertThat(wangs.get("QUIET")).containsEntry("total", 1);
    assertThat(clients(sections(get(wang, "/api/my-day")).get("QUIET"))).isEmpty();

    var all = sections(get(supervisor, "/api/my-day?quietDays=7"));
    assertThat(clients(all.get("QUIET"))).containsExactlyInAnyOrder("吴一", "李甲");
    assertThat(all.get("COMPLAINT_REVIEW")).containsEntry("total", 0);
  }

  @Test
  void clients_and_people_without_a_role_may_not_see_it_and_bad_input_names_the_field() {
    assertThat(get(client, "/api/my-day").code()).isEqualTo(403);
    assertThat(get(nobody, "/api/my-day").code()).isEqualTo(403);
    assertThat(ApiTestSupport.send(http, HttpRequest.GET("/api/my-day")).code()).isEqualTo(401);
    for (var bad : List.of("0", "366", "x", "1.5")) {
      var response = get(wang, "/api/my-day?quietDays=" + bad);
      assertThat(response.code()).as(bad).isEqualTo(400);
      assertThat(ApiTestSupport.bodyOf(response)).contains("quietDays");
      // the field error is a code with parameters too, for the UI to say in any language
      @SuppressWarnings("unchecked")
      var error =
          ((List<Map<String, Object>>) ApiTestSupport.json(mapper, response).get("errors"))
              .getFirst();
      assertThat(error)
          .containsEntry("field", "quietDays")
          .containsEntry("code", "input.whole-number")
          .containsEntry("params", Map.of("min", "1", "max", "365"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void only_supervisors_see_the_dashboard_of_aggregates() {
    var response = get(supervisor, "/api/dashboard?days=30");
    assertThat(response.code()).as(ApiTestSupport.bodyOf(response)).isEqualTo(200);
    var figures = ApiTestSupport.json(mapper, response);
    // one row per day and stage, whatever the office's size
    assertThat((List<Object>) figures.get("stagesByDay")).hasSize(30 * 6);
    assertThat((List<Map<String, Object>>) figures.get("workload"))
        .extracting(w -> w.get("counselorName"))
        .contains(wang.username(), li.username());
    for (var user : List.of(wang, client, nobody)) {
      assertThat(get(user, "/api/dashboard").code()).isEqualTo(403);
    }
    for (var bad : List.of("6", "366", "ninety")) {
      var refused = get(supervisor, "/api/dashboard?days=" + bad);
      assertThat(refused.code()).as(bad).isEqualTo(400);
      assertThat(ApiTestSupport.bodyOf(refused)).contains("days");
    }
  }

  @Test
  void cases_never_reviewed_fall_due_after_their_stages_interval_and_then_count_as_overdue() {
    var shanghai = java.time.ZoneId.of("Asia/Shanghai");
    try {
      // both cases were opened today in the current stage: due in 30 days, overdue the day after
      clock.moveTo(java.time.LocalDate.now(shanghai).plusDays(29));
      assertThat(clients(sections(get(supervisor, "/api/my-day")).get("REVIEW"))).isEmpty();
      clock.moveTo(java.time.LocalDate.now(shanghai).plusDays(30));
      assertThat(clients(sections(get(supervisor, "/api/my-day")).get("REVIEW")))
          .contains("吴一", "李甲");
      assertThat(ApiTestSupport.json(mapper, get(supervisor, "/api/dashboard")))
          .containsEntry("reviewsOverdue", 0);
      clock.moveTo(java.time.LocalDate.now(shanghai).plusDays(31));
      assertThat(
              (Integer)
                  ApiTestSupport.json(mapper, get(supervisor, "/api/dashboard"))
                      .get("reviewsOverdue"))
          .isGreaterThanOrEqualTo(2);
      assertThat(sections(get(wang, "/api/my-day"))).doesNotContainKey("REVIEW");
    } finally {
      clock.moveTo(java.time.LocalDate.now(shanghai));
    }
  }
}
