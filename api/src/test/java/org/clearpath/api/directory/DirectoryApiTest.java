package org.clearpath.api.directory;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

/** The collector directory through the API, for each role, with other people's cases in it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryApiTest implements TestPropertyProvider {
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
  private CaseFile liusCase;
  private CaseFile zhangsCase;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private void log(User counselor, CaseFile caseFile, String agency, String number, int hour) {
    var body = new HashMap<String, Object>();
    body.put(
        "localTime",
        LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
            .minusDays(1)
            .withHour(hour)
            .withMinute(0)
            .toString()
            .substring(0, 16));
    body.put("zone", "Asia/Shanghai");
    body.put("agency", agency);
    body.put("collectorNumber", number);
    body.put("direction", "INBOUND");
    body.put("channel", "PHONE");
    body.put("contacted", "CLIENT");
    body.put("summary", "催收来电");
    var response =
        as(counselor, HttpRequest.POST("/api/cases/" + caseFile.id() + "/contacts", body));
    assertThat(response.code()).as(response.body()).isEqualTo(201);
  }

  @BeforeAll
  void threeCasesReachedByOneAgency() {
    chensCase =
        cases.open(
            new OpenCase(new ClientName("陈小明"), Optional.of(new UserId(chen.id()))),
            ApiTestSupport.counselor(wang));
    liusCase =
        cases.open(
            new OpenCase(new ClientName("刘芳"), Optional.empty()), ApiTestSupport.counselor(li));
    zhangsCase =
        cases.open(
            new OpenCase(new ClientName("张伟"), Optional.empty()), ApiTestSupport.counselor(li));
    log(wang, chensCase, "速达资产管理", "0755-8888 1234", 10);
    log(li, liusCase, "速达 资产管理", "+86 755 88881234", 11);
    log(li, zhangsCase, "ＳＵＤＡ速达资产", "075588881234", 12);
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private Map<String, Object> numberEntry(User user) {
    var page = as(user, HttpRequest.GET("/api/directory?kind=NUMBER&q=88881234"));
    assertThat(page.code()).as(page.body()).isEqualTo(200);
    return jsonList(mapper, page).getFirst();
  }

  @Test
  void a_counselor_sees_the_offices_counts_but_only_their_own_cases_behind_them() {
    var number = numberEntry(wang);
    assertThat(number).containsEntry("clients", 3).containsEntry("key", "+8675588881234");
    var cases = as(wang, HttpRequest.GET("/api/directory/" + number.get("id") + "/cases"));
    assertThat(cases.header("X-Total-Count")).isEqualTo("1");
    assertThat(jsonList(mapper, cases))
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("caseId", chensCase.id().toString()));
    assertThat(cases.body()).doesNotContain("刘芳").doesNotContain("张伟");

    var all = as(supervisor, HttpRequest.GET("/api/directory/" + number.get("id") + "/cases"));
    assertThat(all.header("X-Total-Count")).isEqualTo("3");
    assertThat(all.body()).contains("刘芳").contains("张伟").contains("陈小明");
  }

  @Test
  void a_known_number_offers_its_agency_and_an_unknown_one_nothing() {
    var known = as(wang, HttpRequest.GET("/api/directory/known?number=" + q("(0755) 88881234")));
    assertThat(known.code()).isEqualTo(200);
    assertThat(json(mapper, known).get("agency")).asString().contains("速达");
    assertThat(as(wang, HttpRequest.GET("/api/directory/known?number=13911112222")).code())
        .isEqualTo(204);
  }

  @Test
  void a_supervisor_merges_two_spellings_of_one_agency_and_the_merge_is_audited() {
    var agencies =
        jsonList(
            mapper, as(supervisor, HttpRequest.GET("/api/directory?kind=AGENCY&q=" + q("速达"))));
    assertThat(agencies).hasSize(2); // 速达资产管理 (2 clients) and ＳＵＤＡ速达资产
    var into = agencies.getFirst();
    var from = agencies.get(1);
    assertThat(into).containsEntry("clients", 2);
    var body = new HashMap<String, Object>();
    body.put("into", into.get("id"));
    body.put("version", into.get("version"));
    var url = "/api/directory/" + from.get("id") + "/merge";
    assertThat(as(wang, HttpRequest.POST(url, body)).code()).isEqualTo(403);
    body.put("version", ((Number) into.get("version")).longValue() + 7);
    assertThat(as(supervisor, HttpRequest.POST(url, body)).code()).isEqualTo(409);
    body.put("version", into.get("version"));
    var merged = as(supervisor, HttpRequest.POST(url, body));
    assertThat(merged.code()).as(merged.body()).isEqualTo(200);
    assertThat(json(mapper, merged)).containsEntry("clients", 3);
    assertThat(
            jsonList(
                mapper, as(supervisor, HttpRequest.GET("/api/directory?kind=AGENCY&q=" + q("速达")))))
        .hasSize(1);
    assertThat(jsonList(mapper, as(supervisor, HttpRequest.GET("/api/directory/merges"))))
        .anySatisfy(
            m -> {
              assertThat(m).containsEntry("from", from.get("label"));
              assertThat(m).containsEntry("into", into.get("label"));
              assertThat(m).containsEntry("kind", "AGENCY");
            });
    assertThat(as(wang, HttpRequest.GET("/api/directory/merges")).code()).isEqualTo(403);
  }

  @Test
  void clients_have_no_part_in_the_directory_and_bad_input_is_a_400_naming_the_field() {
    var someEntry = numberEntry(supervisor).get("id");
    for (var url :
        List.of(
            "/api/directory",
            "/api/directory/" + someEntry,
            "/api/directory/" + someEntry + "/cases",
            "/api/directory/known?number=1",
            "/api/directory/merges")) {
      assertThat(as(chen, HttpRequest.GET(url)).code()).as(url).isEqualTo(403);
    }
    assertThat(
            as(chen, HttpRequest.POST("/api/directory/" + someEntry + "/merge", Map.of())).code())
        .isEqualTo(403);
    assertThat(send(http, HttpRequest.GET("/api/directory")).code()).isEqualTo(401);

    var badKind = as(wang, HttpRequest.GET("/api/directory?kind=LENDER"));
    assertThat(badKind.code()).isEqualTo(400);
    assertThat(badKind.body()).contains("\"field\":\"kind\"");
    assertThat(as(wang, HttpRequest.GET("/api/directory?size=500")).body())
        .contains("\"field\":\"size\"");
    assertThat(as(wang, HttpRequest.GET("/api/directory/" + UUID.randomUUID())).code())
        .isEqualTo(404);
    // a malformed id is not there, as for every path id
    assertThat(as(wang, HttpRequest.GET("/api/directory/not-an-id")).code()).isEqualTo(404);
    var noInto =
        as(supervisor, HttpRequest.POST("/api/directory/" + someEntry + "/merge", Map.of()));
    assertThat(noInto.code()).isEqualTo(400);
    assertThat(noInto.body()).contains("\"field\":\"into\"");
    var itself = new HashMap<String, Object>();
    itself.put("into", someEntry);
    itself.put("version", 0);
    assertThat(
            as(supervisor, HttpRequest.POST("/api/directory/" + someEntry + "/merge", itself))
                .body())
        .contains("input.merge-itself");
  }
}
