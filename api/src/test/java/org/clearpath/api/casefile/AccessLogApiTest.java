package org.clearpath.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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

/**
 * Sensitive reads of a case and refused attempts are kept (who, what, when), and a supervisor lists
 * them per case; nobody else may.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogApiTest implements TestPropertyProvider {
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
  private CaseFile othersCase;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  @BeforeAll
  void cases() {
    chensCase =
        cases.open(
            new OpenCase(new ClientName("陈小明"), Optional.of(new UserId(chen.id()))),
            ApiTestSupport.counselor(wang));
    othersCase =
        cases.open(
            new OpenCase(new ClientName("周丽"), Optional.empty()), ApiTestSupport.counselor(wang));
    var body = new HashMap<String, Object>();
    body.put("phone", "139 1234 5678");
    body.put("idNumber", "11010519491231002X");
    body.put("version", 0);
    assertThat(as(wang, HttpRequest.PUT(base() + "/record", body)).code()).isEqualTo(200);
  }

  private String base() {
    return "/api/cases/" + chensCase.id();
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private List<Map<String, Object>> accessLog(CaseFile caseFile) {
    var response =
        as(supervisor, HttpRequest.GET("/api/cases/" + caseFile.id() + "/access?size=200"));
    assertThat(response.code()).isEqualTo(200);
    return jsonList(mapper, response);
  }

  @Test
  void reads_of_sensitive_data_and_refusals_are_kept_for_the_supervisor() {
    assertThat(as(wang, HttpRequest.GET(base() + "/record")).code()).isEqualTo(200);
    assertThat(as(wang, HttpRequest.GET(base() + "/contacts")).code()).isEqualTo(200);
    assertThat(as(wang, HttpRequest.GET(base() + "/budget")).code()).isEqualTo(200);
    assertThat(as(wang, HttpRequest.GET(base() + "/plans/export.csv")).code()).isEqualTo(200);
    assertThat(as(chen, HttpRequest.GET(base() + "/plans/payments.csv")).code()).isEqualTo(200);
    // found by the phone number (spaces and all); a search by name is not such a lookup
    assertThat(as(supervisor, HttpRequest.GET("/api/cases?q=139-1234-5678")).code()).isEqualTo(200);
    assertThat(as(supervisor, HttpRequest.GET("/api/cases?q=%E9%99%88%E5%B0%8F%E6%98%8E")).code())
        .isEqualTo(200);
    // another counselor is told there is no such case; the client may not see the record
    assertThat(as(li, HttpRequest.GET(base())).code()).isEqualTo(404);
    assertThat(as(chen, HttpRequest.GET(base() + "/record")).code()).isEqualTo(403);
    // the client's calendar feed, fetched at its secret URL
    var url =
        (String)
            json(mapper, as(chen, HttpRequest.POST(base() + "/calendar", Map.of()))).get("url");
    assertThat(send(http, HttpRequest.GET(url.substring(url.indexOf("/calendar/")))).code())
        .isEqualTo(200);

    var log = accessLog(chensCase);
    assertThat(log)
        .extracting(e -> e.get("actorName"), e -> e.get("what"), e -> e.get("denied"))
        .contains(
            tuple(wang.username(), "record", false),
            tuple(wang.username(), "contacts", false),
            tuple(wang.username(), "budget", false),
            tuple(wang.username(), "plans.csv", false),
            tuple(chen.username(), "payments.csv", false),
            tuple(supervisor.username(), "search.number", false),
            tuple(li.username(), "case", true),
            tuple(chen.username(), "internals", true),
            tuple("calendar-feed", "calendar-feed", false));
    assertThat(log)
        .filteredOn(e -> "search.number".equals(e.get("what")))
        .as("one lookup by number; the search by name is not one")
        .hasSize(1);
    // newest first: the feed was fetched last
    assertThat(log.getFirst()).containsEntry("what", "calendar-feed");
    assertThat(log).allSatisfy(e -> assertThat((String) e.get("at")).endsWith("Z"));
    // what happened to one case stays with it
    assertThat(accessLog(othersCase)).isEmpty();

    var page = as(supervisor, HttpRequest.GET(base() + "/access?size=2&page=1"));
    assertThat(jsonList(mapper, page)).hasSize(2);
    assertThat(Long.parseLong(page.header("X-Total-Count"))).isEqualTo(log.size());
  }

  @Test
  void only_supervisors_list_the_access_log() {
    assertThat(as(wang, HttpRequest.GET(base() + "/access")).code()).isEqualTo(403);
    assertThat(as(chen, HttpRequest.GET(base() + "/access")).code()).isEqualTo(403);
    assertThat(as(li, HttpRequest.GET(base() + "/access")).code()).isEqualTo(404);
    assertThat(send(http, HttpRequest.GET(base() + "/access")).code()).isEqualTo(401);
    assertThat(as(supervisor, HttpRequest.GET(base() + "/access?size=0")).code()).isEqualTo(400);
  }
}
