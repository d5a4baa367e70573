package org.clearpath.api.erasure;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Asking for a case's erasure, a supervisor's decision, and the legal hold that stops it: each role
 * against each step, other people's cases included.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;

  private final User wang = User.with("counselor");
  private final User li = User.with("counselor");
  private final User supervisor = User.with("supervisor");
  private final User admin = User.with("admin");

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  private CaseFile aCase(User counselor, User client, String name) {
    return cases.open(
        new OpenCase(new ClientName(name), Optional.of(new UserId(client.id()))),
        ApiTestSupport.counselor(counselor));
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return ApiTestSupport.send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private HttpResponse<String> post(User user, String uri, Object body) {
    return as(user, HttpRequest.POST(uri, body));
  }

  private Map<String, Object> json(HttpResponse<String> response) {
    return ApiTestSupport.json(mapper, response);
  }

  private String field(HttpResponse<String> response) {
    @SuppressWarnings("unchecked")
    var errors = (List<Map<String, Object>>) json(response).get("errors");
    return (String) errors.getFirst().get("field");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> dayOf(User user) {
    var day = as(user, HttpRequest.GET("/api/my-day"));
    assertThat(day.code()).as(ApiTestSupport.bodyOf(day)).isEqualTo(200);
    return (List<Map<String, Object>>) json(day).get("sections");
  }

  private List<String> sectionsOfTheDay(User user) {
    return dayOf(user).stream().map(s -> (String) s.get("kind")).toList();
  }

  /** The clients whose erasure the supervisor's day lists as waiting. */
  @SuppressWarnings("unchecked")
  private List<String> erasuresInTheDay(User user) {
    return dayOf(user).stream()
        .filter(s -> "ERASURE".equals(s.get("kind")))
        .flatMap(s -> ((List<Map<String, Object>>) s.get("items")).stream())
        .map(i -> (String) i.get("clientName"))
        .toList();
  }

  @Test
  void the_client_asks_a_supervisor_erases_and_the_case_is_gone_for_everyone() {
    var chen = User.with("client");
    var caseFile = aCase(wang, chen, "陈小明");
    var base = "/api/cases/" + caseFile.id();
    var otherClient = User.with("client");
    aCase(wang, otherClient, "刘芳");

    // who may ask: the client of the case or its counselor; nobody else sees the case
    assertThat(post(otherClient, base + "/erasure-requests", Map.of()).code()).isEqualTo(404);
    assertThat(post(li, base + "/erasure-requests", Map.of()).code()).isEqualTo(404);
    assertThat(post(supervisor, base + "/erasure-requests", Map.of()).code()).isEqualTo(403);
    assertThat(post(admin, base + "/erasure-requests", Map.of()).code()).isEqualTo(403);
    var asked = post(chen, base + "/erasure-requests", Map.of());
    assertThat(asked.code()).as(ApiTestSupport.bodyOf(asked)).isEqualTo(201);
    var request = json(asked);
    assertThat(request).containsEntry("status", "REQUESTED").containsEntry("requestedAs", "CLIENT");
    // one open at a time
    assertThat(post(wang, base + "/erasure-requests", Map.of()).code()).isEqualTo(409);
    assertThat(json(as(wang, HttpRequest.GET(base + "/erasure-requests/open"))))
        .containsEntry("id", request.get("id"));

    // only supervisors see the waiting requests and decide
    assertThat(as(wang, HttpRequest.GET("/api/erasure-requests")).code()).isEqualTo(403);
    assertThat(
            ApiTestSupport.jsonList(
                mapper, as(supervisor, HttpRequest.GET("/api/erasure-requests"))))
        .anyMatch(r -> r.get("id").equals(request.get("id")));
    assertThat(erasuresInTheDay(supervisor)).contains("陈小明");
    assertThat(sectionsOfTheDay(wang)).doesNotContain("ERASURE");
    var approval = "/api/erasure-requests/" + request.get("id") + "/approval";
    assertThat(post(wang, approval, Map.of("version", 0)).code()).isEqualTo(403);
    assertThat(post(chen, approval, Map.of("version", 0)).code()).isEqualTo(403);

    // a legal hold stops it until it is lifted; only supervisors set and lift one, saying why
    assertThat(post(wang, base + "/legal-hold", Map.of("reason", "诉讼中")).code()).isEqualTo(403);
    var noReason = post(supervisor, base + "/legal-hold", Map.of());
    assertThat(noReason.code()).isEqualTo(400);
    assertThat(field(noReason)).isEqualTo("reason");
    assertThat(post(supervisor, base + "/legal-hold", Map.of("reason", "法院诉讼进行中")).code())
        .isEqualTo(200);
    assertThat(json(as(wang, HttpRequest.GET(base + "/legal-hold"))))
        .containsEntry("reason", "法院诉讼进行中");
    assertThat(as(chen, HttpRequest.GET(base + "/legal-hold")).code()).isEqualTo(403);
    var held = post(supervisor, approval, Map.of("version", 0));
    assertThat(held.code()).as(ApiTestSupport.bodyOf(held)).isEqualTo(409);
    assertThat(ApiTestSupport.bodyOf(held)).contains("ON_LEGAL_HOLD");
    assertThat(post(supervisor, base + "/legal-hold/lift", Map.of("reason", "诉讼结束")).code())
        .isEqualTo(204);
    assertThat(as(wang, HttpRequest.GET(base + "/legal-hold")).code()).isEqualTo(204);
    assertThat(post(supervisor, base + "/legal-hold/lift", Map.of("reason", "再次")).code())
        .isEqualTo(409);

    // a stale version is a 409; the right one erases the case
    assertThat(post(supervisor, approval, Map.of("version", 3)).code()).isEqualTo(409);
    var erased = post(supervisor, approval, Map.of("version", 0));
    assertThat(erased.code()).as(ApiTestSupport.bodyOf(erased)).isEqualTo(200);
    assertThat(json(erased)).containsEntry("status", "ERASED");

    // gone for everyone, and from the lists; deciding again finds nothing
    for (var user : List.of(wang, supervisor, chen)) {
      assertThat(as(user, HttpRequest.GET(base)).code()).as(user.roles().toString()).isEqualTo(404);
    }
    assertThat(as(wang, HttpRequest.GET("/api/cases?size=200")).body()).doesNotContain("陈小明");
    assertThat(as(supervisor, HttpRequest.GET("/api/cases?q=陈小明")).body())
        .doesNotContain(caseFile.id().toString());
    assertThat(post(supervisor, approval, Map.of("version", 1)).code()).isEqualTo(404);
    assertThat(erasuresInTheDay(supervisor)).doesNotContain("陈小明");
    assertThat(
            ApiTestSupport.jsonList(
                mapper, as(supervisor, HttpRequest.GET("/api/erasure-requests"))))
        .noneMatch(r -> r.get("id").equals(request.get("id")));
  }

  @Test
  void a_refusal_says_why_and_the_counselor_may_ask_again() {
    var client = User.with("client");
    var caseFile = aCase(li, client, "王五");
    var base = "/api/cases/" + caseFile.id();
    var asked = post(li, base + "/erasure-requests", Map.of());
    assertThat(asked.code()).isEqualTo(201);
    assertThat(json(asked)).containsEntry("requestedAs", "COUNSELOR");
    var refusal = "/api/erasure-requests/" + json(asked).get("id") + "/refusal";
    var noNote = post(supervisor, refusal, Map.of("version", 0));
    assertThat(noNote.code()).isEqualTo(400);
    assertThat(field(noNote)).isEqualTo("note");
    var noVersion = post(supervisor, refusal, Map.of("note", "仍在还款计划中"));
    assertThat(noVersion.code()).isEqualTo(400);
    var refused = post(supervisor, refusal, Map.of("version", 0, "note", "仍在还款计划中"));
    assertThat(refused.code()).as(ApiTestSupport.bodyOf(refused)).isEqualTo(200);
    assertThat(json(refused)).containsEntry("status", "REFUSED").containsEntry("note", "仍在还款计划中");
    assertThat(post(supervisor, refusal, Map.of("version", 1, "note", "再次")).code()).isEqualTo(409);
    assertThat(as(li, HttpRequest.GET(base + "/erasure-requests/open")).code()).isEqualTo(204);
    assertThat(as(li, HttpRequest.GET(base)).code()).isEqualTo(200);
    assertThat(post(li, base + "/erasure-requests", Map.of()).code()).isEqualTo(201);
    // the case's audit keeps each step
    var audit = ApiTestSupport.jsonList(mapper, as(supervisor, HttpRequest.GET(base + "/audit")));
    assertThat(audit.stream().map(e -> e.get("action")))
        .contains("erasure.requested", "erasure.refused");
  }

  @Test
  void malformed_or_unknown_requests_are_not_there() {
    // as every id in a URL: malformed means not there
    assertThat(post(supervisor, "/api/erasure-requests/x/approval", Map.of("version", 0)).code())
        .isEqualTo(404);
    assertThat(
            post(
                    supervisor,
                    "/api/erasure-requests/" + java.util.UUID.randomUUID() + "/approval",
                    Map.of("version", 0))
                .code())
        .isEqualTo(404);
  }
}
