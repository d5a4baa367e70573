package org.clearpath.api.harassment;

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The findings kept beside each case (what "My day" lists) are the ones the rules find in the
 * case's log when it is read: the database marks a case due when its log changes, through the app
 * or past it, and the findings job judges it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptFindingsApiTest implements TestPropertyProvider {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final List<String> PARTIES =
      List.of("CLIENT", "CLIENT", "CLIENT", "FAMILY", "EMPLOYER", "FRIEND_OR_CONTACT");

  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;
  @Inject org.clearpath.domain.harassment.JudgingFindings judging;
  private Map<String, String> properties;

  @Override
  public Map<String, String> getProperties() {
    properties = new HashMap<>(ApiTestSupport.properties());
    // no findings job: the cases are judged only when a test asks
    properties.put("clearpath.findings.job.enabled", "false");
    return properties;
  }

  private HttpResponse<String> as(User user, io.micronaut.http.MutableHttpRequest<?> request) {
    return ApiTestSupport.send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private CaseFile open(User counselor, String name) {
    return cases.open(
        new OpenCase(new ClientName(name), Optional.empty()), ApiTestSupport.counselor(counselor));
  }

  private Map<String, Object> randomContact(Random random, LocalDate today) {
    var body = new HashMap<String, Object>();
    var day = today.minusDays(1 + random.nextInt(6));
    body.put(
        "localTime",
        day + "T" + String.format("%02d:%02d", random.nextInt(24), random.nextInt(60)));
    body.put("zone", "Asia/Shanghai");
    body.put("direction", random.nextInt(5) == 0 ? "OUTBOUND" : "INBOUND");
    body.put("channel", random.nextInt(4) == 0 ? "SMS" : "PHONE");
    var party = PARTIES.get(random.nextInt(PARTIES.size()));
    body.put("contacted", party);
    if (!party.equals("CLIENT") && random.nextBoolean()) {
      body.put("thirdPartyPurpose", random.nextBoolean() ? "LOCATE_ONLY" : "DISCLOSED_DEBT");
    }
    body.put("conversation", random.nextBoolean());
    body.put("collectorNumber", "9551" + random.nextInt(3));
    body.put("summary", "催收来电");
    return body;
  }

  private String log(User counselor, CaseFile caseFile, Map<String, Object> body, String corrects) {
    var uri = "/api/cases/" + caseFile.id() + "/contacts";
    if (corrects != null) {
      uri += "/" + corrects + "/corrections";
      body.put("reason", "时间记错了");
    }
    var logged = as(counselor, HttpRequest.POST(uri, body));
    assertThat(logged.code()).as(ApiTestSupport.bodyOf(logged)).isEqualTo(201);
    return (String) ApiTestSupport.json(mapper, logged).get("id");
  }

  /** The findings the case shows (worked out from its log as it is read). */
  private TreeSet<String> shown(User counselor, CaseFile caseFile) {
    var response = as(counselor, HttpRequest.GET("/api/cases/" + caseFile.id() + "/findings"));
    assertThat(response.code()).as(ApiTestSupport.bodyOf(response)).isEqualTo(200);
    var keys = new TreeSet<String>();
    ApiTestSupport.jsonList(mapper, response).forEach(f -> keys.add((String) f.get("key")));
    return keys;
  }

  private TreeSet<String> kept(CaseFile caseFile) throws Exception {
    var keys = new TreeSet<String>();
    try (var connection = ApiTestSupport.database(properties);
        var statement =
            connection.prepareStatement("select finding_key from case_finding where case_id = ?")) {
      statement.setObject(1, caseFile.id().value());
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
    }
    return keys;
  }

  private void sql(String statement) throws Exception {
    ApiTestSupport.sql(properties, statement);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> dayFindings(User counselor) {
    var response = as(counselor, HttpRequest.GET("/api/my-day"));
    assertThat(response.code()).as(ApiTestSupport.bodyOf(response)).isEqualTo(200);
    return ((List<Map<String, Object>>) ApiTestSupport.json(mapper, response).get("sections"))
        .stream().filter(s -> "FINDING".equals(s.get("kind"))).findFirst().orElseThrow();
  }

  @Test
  void on_random_logs_the_kept_findings_are_those_the_rules_find_when_the_log_is_read()
      throws Exception {
    var seed = System.nanoTime();
    var random = new Random(seed);
    var counselor = User.with("counselor");
    var today = LocalDate.now(SHANGHAI);
    var found = 0;
    var opened = new ArrayList<CaseFile>();
    for (int i = 0; i < 12; i++) {
      var caseFile = open(counselor, "随机" + i);
      var entries = new ArrayList<String>();
      for (int n = 1 + random.nextInt(9); n > 0; n--) {
        var corrects =
            !entries.isEmpty() && random.nextInt(5) == 0
                ? entries.remove(random.nextInt(entries.size()))
                : null;
        entries.add(log(counselor, caseFile, randomContact(random, today), corrects));
      }
      opened.add(caseFile);
    }
    // nothing kept until the job has judged them
    assertThat(dayFindings(counselor)).containsEntry("total", 0);
    assertThat(judging.judgeDue()).isEqualTo(opened.size());
    for (var caseFile : opened) {
      var shown = shown(counselor, caseFile);
      assertThat(kept(caseFile))
          .as("seed %d, case %s", seed, caseFile.clientName())
          .isEqualTo(shown);
      found += shown.size();
    }
    // the logs are busy enough for the rules to find something
    assertThat(found).as("seed %d", seed).isPositive();
    assertThat(dayFindings(counselor)).containsEntry("total", found);
  }

  @Test
  void a_contact_written_past_the_app_is_judged_too() throws Exception {
    var counselor = User.with("counselor");
    var caseFile = open(counselor, "深夜");
    var night = LocalDate.now(SHANGHAI).minusDays(1).atTime(23, 40).atZone(SHANGHAI).toInstant();
    // a contact written straight into the database (an import, say): the database marks it due
    sql(
        "insert into contact_entry (id, case_id, occurred_at, client_zone, direction, channel,"
            + " contacted, summary, recorded_by, recorded_by_name, recorded_at) values"
            + " (gen_random_uuid(), '"
            + caseFile.id()
            + "', '"
            + night
            + "', 'Asia/Shanghai', 'INBOUND', 'PHONE', 'CLIENT', '导入', 'import', 'import', now())");
    assertThat(dayFindings(counselor)).containsEntry("total", 0);
    assertThat(kept(caseFile)).isEmpty();

    assertThat(judging.judgeDue()).isPositive();
    assertThat(kept(caseFile)).isEqualTo(shown(counselor, caseFile)).hasSize(1);
    assertThat(dayFindings(counselor)).containsEntry("total", 1);
    assertThat(judging.judgeDue()).isZero();
  }

  @Test
  void my_day_lists_the_findings_of_every_case_contacted_lately() {
    // more cases than the section lists: each has a call at 23:30
    var zhou = User.with("counselor");
    var night =
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1) + "T23:30";
    for (int i = 0; i < 60; i++) {
      var opened =
          cases.open(
              new OpenCase(new ClientName("周" + i), Optional.empty()),
              ApiTestSupport.counselor(zhou));
      var body = new java.util.HashMap<String, Object>();
      body.put("localTime", night);
      body.put("zone", "Asia/Shanghai");
      body.put("direction", "INBOUND");
      body.put("channel", "PHONE");
      body.put("contacted", "CLIENT");
      body.put("summary", "催收员深夜来电");
      var logged =
          ApiTestSupport.send(
              http,
              HttpRequest.POST("/api/cases/" + opened.id() + "/contacts", body)
                  .bearerAuth(ApiTestSupport.tokenFor(tokens, zhou)));
      assertThat(logged.code()).as(ApiTestSupport.bodyOf(logged)).isEqualTo(201);
    }
    assertThat(judging.judgeDue()).isEqualTo(60);
    var findings = dayFindings(zhou);
    assertThat(findings).containsEntry("total", 60);
    @SuppressWarnings("unchecked")
    var items = (List<Map<String, Object>>) findings.get("items");
    assertThat(items)
        .hasSize(20)
        .allMatch(item -> ((String) item.get("clientName")).startsWith("周"))
        .allMatch(
            item -> "UNREASONABLE_HOURS".equals(((Map<?, ?>) item.get("params")).get("kind")));
  }
}
