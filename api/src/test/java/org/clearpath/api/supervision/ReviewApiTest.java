package org.clearpath.api.supervision;

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

/** A supervisor's case review, its actions as the counselor's tasks, and when the next is due. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewApiTest implements TestPropertyProvider {
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
  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private CaseFile chensCase;

  @Override
  public Map<String, String> getProperties() {
    var props = new HashMap<>(ApiTestSupport.properties());
    props.put("clearpath.reviews.days.current", "30");
    return props;
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
    return "/api/cases/" + chensCase.id() + "/reviews";
  }

  private Map<String, Object> review(String dueOn) {
    var body = new HashMap<String, Object>();
    body.put("checked", List.of("CONTACT_LOG", "WELLBEING"));
    body.put("note", "催收记录完整；当事人压力大");
    body.put("actions", List.of(Map.of("text", "与招联金融协商停息挂账", "dueOn", dueOn)));
    return body;
  }

  @Test
  void a_review_moves_the_next_one_and_its_action_is_the_counselors_task() {
    var before = json(mapper, as(wang, HttpRequest.GET(url())));
    // a case opened today in the current stage is due in 30 days
    assertThat(before).containsEntry("nextDue", today.plusDays(30).toString());
    assertThat(before).containsEntry("overdue", false);

    assertThat(as(wang, HttpRequest.POST(url(), review(today.plusDays(7).toString()))).code())
        .isEqualTo(403);
    var saved = as(supervisor, HttpRequest.POST(url(), review(today.plusDays(7).toString())));
    assertThat(saved.code()).as(bodyOf(saved)).isEqualTo(201);
    var after = json(mapper, as(wang, HttpRequest.GET(url())));
    assertThat(after).containsEntry("nextDue", today.plusDays(30).toString());
    assertThat((List<?>) after.get("reviews")).hasSize(1);

    var tasks = jsonList(mapper, as(wang, HttpRequest.GET("/api/tasks")));
    assertThat(tasks)
        .anySatisfy(
            t -> {
              assertThat(t).containsEntry("kind", "REVIEW_ACTION");
              assertThat(t).containsEntry("note", "与招联金融协商停息挂账");
              assertThat(t).containsEntry("dueOn", today.plusDays(7).toString());
            });
    assertThat(bodyOf(as(supervisor, HttpRequest.GET("/api/cases/" + chensCase.id() + "/audit"))))
        .contains("case.reviewed");
  }

  @Test
  void reviews_are_internal_and_bad_reviews_name_the_field() {
    assertThat(as(chen, HttpRequest.GET(url())).code()).isEqualTo(403);
    assertThat(as(li, HttpRequest.GET(url())).code()).isIn(403, 404);
    var nothing = review(today.toString());
    nothing.put("checked", List.of());
    assertThat(bodyOf(as(supervisor, HttpRequest.POST(url(), nothing))))
        .contains("\"field\":\"checked\"");
    var odd = review(today.toString());
    odd.put("checked", List.of("GOSSIP"));
    assertThat(bodyOf(as(supervisor, HttpRequest.POST(url(), odd))))
        .contains("\"field\":\"checked[0]\"");
    assertThat(
            bodyOf(as(supervisor, HttpRequest.POST(url(), review(today.minusDays(1).toString())))))
        .contains("\"field\":\"actions[0].dueOn\"");
  }
}
