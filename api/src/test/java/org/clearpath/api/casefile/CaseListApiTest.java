package org.clearpath.api.casefile;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The caseload is paged on the server, filtered, sorted and counted, for each role. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;

  private final User wang = User.with("counselor");
  private final User li = User.with("counselor");
  private final User supervisor = User.with("supervisor");
  private final User client = User.with("client");
  private final User nobody = User.with();
  private final List<String> wangsNames = List.of("吴一", "郑二", "王三", "冯四", "陈五", "褚六", "卫七");
  private String contactedCase;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  @BeforeAll
  void twoCaseloads() {
    for (var name : wangsNames) {
      var opened =
          cases.open(
              new OpenCase(
                  new ClientName(name),
                  name.equals("陈五") ? Optional.of(new UserId(client.id())) : Optional.empty()),
              ApiTestSupport.counselor(wang));
      if (name.equals("王三")) {
        contactedCase = opened.id().toString();
      }
    }
    cases.open(new OpenCase(new ClientName("李甲"), Optional.empty()), ApiTestSupport.counselor(li));
    cases.open(new OpenCase(new ClientName("李乙"), Optional.empty()), ApiTestSupport.counselor(li));
  }

  private HttpResponse<String> get(User user, String uri) {
    return ApiTestSupport.send(
        http, HttpRequest.GET(uri).bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private List<String> names(HttpResponse<String> response) {
    assertThat(response.code()).as(ApiTestSupport.bodyOf(response)).isEqualTo(200);
    var names = new ArrayList<String>();
    ApiTestSupport.jsonList(mapper, response).forEach(c -> names.add((String) c.get("clientName")));
    return names;
  }

  private long total(HttpResponse<String> response) {
    return Long.parseLong(response.header("X-Total-Count"));
  }

  @Test
  void a_page_at_a_time_with_the_total_and_no_case_twice() {
    var first = get(supervisor, "/api/cases?size=4&sort=client");
    var second = get(supervisor, "/api/cases?size=4&page=1&sort=client");
    var third = get(supervisor, "/api/cases?size=4&page=2&sort=client");
    assertThat(total(first)).isEqualTo(9);
    assertThat(names(first)).hasSize(4);
    assertThat(names(third)).hasSize(1);
    var all = new ArrayList<String>();
    all.addAll(names(first));
    all.addAll(names(second));
    all.addAll(names(third));
    assertThat(all).doesNotHaveDuplicates().hasSize(9);
    assertThat(all).isSortedAccordingTo(String::compareTo);
    // past the end: nothing, and still the total
    var past = get(supervisor, "/api/cases?size=4&page=9");
    assertThat(names(past)).isEmpty();
    assertThat(total(past)).isEqualTo(9);
  }

  @Test
  void each_role_sees_its_own_reach_whatever_it_asks() {
    var mine = get(wang, "/api/cases?size=200");
    assertThat(names(mine)).containsExactlyInAnyOrderElementsOf(wangsNames);
    // a counselor asking for another caseload still gets only their own
    var asked = get(wang, "/api/cases?counselor=" + li.id());
    assertThat(names(asked)).containsExactlyInAnyOrderElementsOf(wangsNames);
    assertThat(names(get(supervisor, "/api/cases?counselor=" + li.id())))
        .containsExactlyInAnyOrder("李甲", "李乙");
    assertThat(names(get(client, "/api/cases"))).containsExactly("陈五");
    assertThat(get(nobody, "/api/cases").code()).as("no role, no list").isEqualTo(403);
  }

  @Test
  void filters_search_and_sorts() {
    assertThat(names(get(wang, "/api/cases?q=" + encode("王三")))).containsExactly("王三");
    assertThat(names(get(supervisor, "/api/cases?stage=CURRENT&size=200"))).hasSize(9);
    assertThat(names(get(supervisor, "/api/cases?stage=LATE"))).isEmpty();
    assertThat(names(get(supervisor, "/api/cases?status=CLOSED"))).isEmpty();
    var descending = names(get(wang, "/api/cases?sort=-client"));
    assertThat(descending).isSortedAccordingTo((a, b) -> b.compareTo(a));
    var newest = names(get(wang, "/api/cases?sort=-opened&size=1"));
    assertThat(newest).containsExactly("卫七");
    assertThat(names(get(wang, "/api/cases?openedFrom=2000-01-01&openedTo=2000-12-31"))).isEmpty();

    // one contact today: that case is no longer "without contact for 14 days"
    var contact =
        Map.of(
            "localTime",
            java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                .minusMinutes(5)
                .withNano(0)
                .toString(),
            "zone",
            "Asia/Shanghai",
            "direction",
            "INBOUND",
            "channel",
            "PHONE",
            "contacted",
            "CLIENT",
            "summary",
            "called");
    var logged =
        ApiTestSupport.send(
            http,
            HttpRequest.POST("/api/cases/" + contactedCase + "/contacts", contact)
                .bearerAuth(ApiTestSupport.tokenFor(tokens, wang)));
    assertThat(logged.code()).as(ApiTestSupport.bodyOf(logged)).isEqualTo(201);
    var quiet = names(get(wang, "/api/cases?noContactDays=14&size=200"));
    assertThat(quiet).hasSize(wangsNames.size() - 1).doesNotContain("王三");
    var byLastContact = names(get(wang, "/api/cases?sort=-last-contact&size=200"));
    assertThat(byLastContact.getFirst()).isEqualTo("王三");
    assertThat(names(get(wang, "/api/cases?sort=days-in-stage"))).hasSize(7);
    assertThat(names(get(wang, "/api/cases?sort=stage"))).hasSize(7);
  }

  @Test
  void bad_paging_is_named() {
    for (var bad :
        List.of(
            "size=201:size",
            "size=0:size",
            "page=-1:page",
            "page=1e3:page",
            "sort=salary:sort",
            "stage=SOON:stage",
            "noContactDays=99999:noContactDays",
            "openedFrom=2026-02-30:openedFrom",
            "openedFrom=2026-05-01&openedTo=2026-04-01:openedTo")) {
      var query = bad.substring(0, bad.lastIndexOf(':'));
      var field = bad.substring(bad.lastIndexOf(':') + 1);
      var response = get(supervisor, "/api/cases?" + query);
      assertThat(response.code()).as(query).isEqualTo(400);
      @SuppressWarnings("unchecked")
      var errors = (List<Map<String, String>>) ApiTestSupport.json(mapper, response).get("errors");
      assertThat(errors.getFirst().get("field")).as(query).isEqualTo(field);
    }
  }

  @Test
  void counts_per_counselor_and_stage_come_from_the_database_for_supervisors_only() {
    var response = get(supervisor, "/api/cases/counts");
    assertThat(response.code()).isEqualTo(200);
    var counts = ApiTestSupport.jsonList(mapper, response);
    assertThat(counts)
        .anySatisfy(
            c -> {
              assertThat(c.get("counselorName")).isEqualTo(wang.username());
              assertThat(c.get("stage")).isEqualTo("CURRENT");
              assertThat(((Number) c.get("cases")).intValue()).isEqualTo(7);
            });
    assertThat(get(wang, "/api/cases/counts").code()).isEqualTo(403);
    assertThat(get(client, "/api/cases/counts").code()).isEqualTo(403);
  }

  @Test
  void the_whole_filtered_caseload_streams_as_csv() {
    var all = get(supervisor, "/api/cases/export.csv?sort=client");
    assertThat(all.code()).as(ApiTestSupport.bodyOf(all)).isEqualTo(200);
    assertThat(all.getContentType().orElseThrow().toString()).startsWith("text/csv");
    var lines = ApiTestSupport.bodyOf(all).strip().split("\r\n");
    assertThat(lines[0]).contains("case_id").contains("client");
    assertThat(lines).hasSize(1 + 9);
    // the same order as the list's pages
    var listed = names(get(supervisor, "/api/cases?sort=client&size=200"));
    for (int i = 0; i < listed.size(); i++) {
      assertThat(lines[i + 1]).contains("\"" + listed.get(i) + "\"");
    }
    var mine = ApiTestSupport.bodyOf(get(wang, "/api/cases/export.csv")).strip().split("\r\n");
    assertThat(mine).hasSize(1 + wangsNames.size());
    assertThat(String.join("\n", mine)).doesNotContain("李甲");
    var none = ApiTestSupport.bodyOf(get(supervisor, "/api/cases/export.csv?stage=LATE")).strip();
    assertThat(none.split("\r\n")).hasSize(1);
    assertThat(get(client, "/api/cases/export.csv").code()).isEqualTo(403);
    assertThat(get(supervisor, "/api/cases/export.csv?sort=salary").code()).isEqualTo(400);
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
