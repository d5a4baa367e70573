package org.clearpath.api.harassment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.json;
import static org.clearpath.api.testing.ApiTestSupport.jsonList;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.evidence.Sha256;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarassmentApiTest implements TestPropertyProvider {
  private static final int LIMIT = 4096;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final byte[] PDF =
      "%PDF-1.4\n催收函 letter from the collector\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;
  @Inject org.clearpath.domain.debt.Lenders lenders;

  private final User wang = User.with("counselor");
  private final User li = User.with("counselor");
  private final User supervisor = User.with("supervisor");
  private final User chen = User.with("client");
  private final User liu = User.with("client");
  private final LocalDate today = LocalDate.now(SHANGHAI);
  private Map<String, String> properties;
  private CaseFile chensCase;
  private CaseFile liusCase;

  @Override
  public Map<String, String> getProperties() {
    properties = new HashMap<>(ApiTestSupport.properties());
    properties.put("clearpath.evidence.max-bytes", Integer.toString(LIMIT));
    properties.put("micronaut.server.max-request-size", Integer.toString(3 * LIMIT));
    return properties;
  }

  @BeforeAll
  void twoCases() {
    chensCase =
        cases.open(
            new OpenCase(new ClientName("陈小明"), Optional.of(new UserId(chen.id()))),
            ApiTestSupport.counselor(wang));
    liusCase =
        cases.open(
            new OpenCase(new ClientName("刘芳"), Optional.of(new UserId(liu.id()))),
            ApiTestSupport.counselor(li));
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private HttpResponse<byte[]> bytesAs(User user, String uri) {
    var request = HttpRequest.GET(uri).bearerAuth(ApiTestSupport.tokenFor(tokens, user));
    try {
      return http.toBlocking().exchange(request, byte[].class);
    } catch (HttpClientResponseException e) {
      @SuppressWarnings("unchecked")
      var response = (HttpResponse<byte[]>) e.getResponse();
      return response;
    }
  }

  private String base(CaseFile caseFile) {
    return "/api/cases/" + caseFile.id();
  }

  private Map<String, Object> contact(String localTime, String party, String channel) {
    var body = new HashMap<String, Object>();
    body.put("localTime", localTime);
    body.put("zone", "Asia/Shanghai");
    body.put("agency", "某某资产管理公司");
    body.put("collectorName", "张三");
    body.put("collectorNumber", "0755-12345678");
    body.put("direction", "INBOUND");
    body.put("channel", channel);
    body.put("contacted", party);
    body.put("summary", "催收员来电，要求今天还清");
    body.put("outcome", "REFUSED");
    return body;
  }

  private String log(CaseFile caseFile, Map<String, Object> body) {
    var response = as(wang, HttpRequest.POST(base(caseFile) + "/contacts", body));
    assertThat(response.code()).as(response.body()).isEqualTo(201);
    return (String) json(mapper, response).get("id");
  }

  private String localTime(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute))
        .truncatedTo(ChronoUnit.MINUTES)
        .toString();
  }

  private HttpResponse<String> upload(User user, CaseFile caseFile, String name, byte[] content) {
    var request =
        HttpRequest.POST(
                base(caseFile)
                    + "/evidence?name="
                    + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8),
                content)
            .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE);
    return as(user, request);
  }

  private String errorField(HttpResponse<String> response) {
    @SuppressWarnings("unchecked")
    var errors = (List<Map<String, String>>) json(mapper, response).get("errors");
    return errors.getFirst().get("field");
  }

  private List<String> auditActions(CaseFile caseFile) {
    return jsonList(mapper, as(supervisor, HttpRequest.GET(base(caseFile) + "/audit"))).stream()
        .map(e -> (String) e.get("action"))
        .toList();
  }

  private void sql(String statement) throws Exception {
    ApiTestSupport.sql(properties, statement);
  }

  @Test
  void contacts_are_logged_in_the_clients_local_time_and_corrected_by_new_entries() {
    var day = today.minusDays(3);
    var id = log(chensCase, contact(localTime(day, 23, 10), "CLIENT", "PHONE"));
    var list = jsonList(mapper, as(supervisor, HttpRequest.GET(base(chensCase) + "/contacts")));
    var entry = list.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow();
    assertThat(entry)
        .containsEntry("localTime", localTime(day, 23, 10))
        .containsEntry("zone", "Asia/Shanghai")
        .containsEntry("at", day.atTime(15, 10).toInstant(java.time.ZoneOffset.UTC).toString());

    var correction = contact(localTime(day, 21, 10), "CLIENT", "PHONE");
    correction.put("reason", "wrong hour, checked the call log");
    var fixed =
        as(
            wang,
            HttpRequest.POST(base(chensCase) + "/contacts/" + id + "/corrections", correction));
    assertThat(fixed.code()).isEqualTo(201);
    assertThat(json(mapper, fixed)).containsEntry("corrects", id);
    var again =
        as(
            wang,
            HttpRequest.POST(base(chensCase) + "/contacts/" + id + "/corrections", correction));
    assertThat(again.code()).isEqualTo(409);
    var noReason = contact(localTime(day, 21, 10), "CLIENT", "PHONE");
    assertThat(
            errorField(
                as(
                    wang,
                    HttpRequest.POST(
                        base(chensCase)
                            + "/contacts/"
                            + fixed.body().substring(7, 43)
                            + "/corrections",
                        noReason))))
        .isEqualTo("reason");

    var after = jsonList(mapper, as(wang, HttpRequest.GET(base(chensCase) + "/contacts")));
    assertThat(after.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow())
        .containsEntry("correctedBy", json(mapper, fixed).get("id"));
    assertThat(auditActions(chensCase)).contains("contact.logged", "contact.corrected");
  }

  @Test
  void each_entry_names_its_lender_and_an_entry_without_one_names_none() {
    var lender =
        new org.clearpath.domain.debt.Lender(
            new org.clearpath.domain.debt.LenderId(java.util.UUID.randomUUID()),
            "某某消费金融-" + java.util.UUID.randomUUID(),
            org.clearpath.domain.debt.LenderKind.CONSUMER_FINANCE);
    lenders.add(lender);
    var wangsCase =
        cases.open(
            new OpenCase(new ClientName("王小红"), Optional.empty()), ApiTestSupport.counselor(wang));
    var withLender = contact(localTime(today.minusDays(1), 10, 0), "CLIENT", "PHONE");
    withLender.put("lenderId", lender.id().toString());
    var named = log(wangsCase, withLender);
    var unnamed = log(wangsCase, contact(localTime(today.minusDays(1), 11, 0), "CLIENT", "PHONE"));

    var list = jsonList(mapper, as(wang, HttpRequest.GET(base(wangsCase) + "/contacts")));
    var byId = new HashMap<Object, Map<String, Object>>();
    list.forEach(e -> byId.put(e.get("id"), e));
    assertThat(byId.get(named))
        .containsEntry("lenderId", lender.id().toString())
        .containsEntry("lenderName", lender.name());
    assertThat(byId.get(unnamed)).doesNotContainKeys("lenderId", "lenderName");
  }

  @Test
  void bad_contacts_are_refused_naming_the_field() {
    var bad = contact("2026-13-01T10:00", "CLIENT", "PHONE");
    assertThat(errorField(as(wang, HttpRequest.POST(base(chensCase) + "/contacts", bad))))
        .isEqualTo("localTime");
    bad = contact(localTime(today, 10, 0), "CLIENT", "PHONE");
    bad.put("zone", "Mars/Olympus");
    assertThat(errorField(as(wang, HttpRequest.POST(base(chensCase) + "/contacts", bad))))
        .isEqualTo("zone");
    bad = contact(localTime(today.plusDays(2), 10, 0), "CLIENT", "PHONE");
    assertThat(errorField(as(wang, HttpRequest.POST(base(chensCase) + "/contacts", bad))))
        .isEqualTo("at");
    bad = contact(localTime(today, 0, 1), "NEIGHBOUR", "PHONE");
    assertThat(errorField(as(wang, HttpRequest.POST(base(chensCase) + "/contacts", bad))))
        .isEqualTo("contacted");
    bad = contact(localTime(today, 0, 1), "CLIENT", "PHONE");
    bad.put("summary", " ");
    assertThat(errorField(as(wang, HttpRequest.POST(base(chensCase) + "/contacts", bad))))
        .isEqualTo("summary");
    bad = contact(localTime(today, 0, 1), "CLIENT", "PHONE");
    bad.put("debtId", java.util.UUID.randomUUID().toString());
    assertThat(errorField(as(wang, HttpRequest.POST(base(chensCase) + "/contacts", bad))))
        .isEqualTo("debtId");
  }

  @Test
  void the_contact_log_is_for_the_cases_staff_only() {
    var body = contact(localTime(today, 9, 0), "CLIENT", "SMS");
    assertThat(as(li, HttpRequest.POST(base(chensCase) + "/contacts", body)).code()).isEqualTo(404);
    assertThat(as(supervisor, HttpRequest.POST(base(chensCase) + "/contacts", body)).code())
        .isEqualTo(403);
    assertThat(as(chen, HttpRequest.POST(base(chensCase) + "/contacts", body)).code())
        .isEqualTo(403);
    assertThat(as(chen, HttpRequest.GET(base(chensCase) + "/contacts")).code()).isEqualTo(403);
    assertThat(as(liu, HttpRequest.GET(base(chensCase) + "/contacts")).code()).isEqualTo(404);
    assertThat(as(li, HttpRequest.GET(base(chensCase) + "/contacts")).code()).isEqualTo(404);
    assertThat(as(chen, HttpRequest.GET(base(chensCase) + "/findings")).code()).isEqualTo(403);
    assertThat(as(chen, HttpRequest.GET(base(chensCase) + "/flags")).code()).isEqualTo(403);
    assertThat(as(chen, HttpRequest.GET(base(chensCase) + "/complaints")).code()).isEqualTo(403);
    assertThat(as(chen, HttpRequest.GET("/api/complaints")).code()).isEqualTo(403);
  }

  @Test
  void evidence_is_typed_by_content_hashed_on_arrival_and_checked_on_the_way_out()
      throws Exception {
    var response = upload(wang, chensCase, "催收函.pdf", PDF);
    assertThat(response.code()).as(response.body()).isEqualTo(201);
    var file = json(mapper, response);
    assertThat(file)
        .containsEntry("mediaType", "application/pdf")
        .containsEntry("sha256", Sha256.of(PDF))
        .containsEntry("source", "STAFF");
    var id = (String) file.get("id");

    var download = bytesAs(supervisor, "/api/evidence/" + id + "/content");
    assertThat(download.code()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(download.getHeaders().get("Content-Type")).isEqualTo("application/pdf");
    assertThat(download.getHeaders().get("Content-Disposition")).contains("filename*=UTF-8''");
    assertThat(download.getHeaders().get("Repr-Digest")).startsWith("sha-256=:");
    assertThat(auditActions(chensCase)).contains("evidence.received", "evidence.downloaded");

    // someone with database access changes the stored bytes behind the application's back
    sql(
        "alter table evidence_chunk disable trigger evidence_chunk_append_only;"
            + " update evidence_chunk set bytes = convert_to('%PDF-1.4 forged', 'UTF8')"
            + " where file_id = '"
            + id
            + "';"
            + " alter table evidence_chunk enable trigger evidence_chunk_append_only;");
    var tampered = as(wang, HttpRequest.GET("/api/evidence/" + id + "/content"));
    assertThat(tampered.code()).isEqualTo(409);
    assertThat(tampered.body()).contains("evidence-tampered").contains(Sha256.of(PDF));
    assertThat(auditActions(chensCase)).contains("evidence.integrity-failed");
  }

  @Test
  void oversized_empty_or_disguised_files_are_refused_and_nothing_is_stored() {
    var before = jsonList(mapper, as(li, HttpRequest.GET(base(liusCase) + "/evidence"))).size();
    var big = new byte[LIMIT + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    var tooBig = upload(li, liusCase, "big.pdf", big);
    assertThat(tooBig.code()).isEqualTo(400);
    assertThat(errorField(tooBig)).isEqualTo("file");
    assertThat(tooBig.body()).contains("4 KB");
    var program =
        "MZ\u0090\u0000\u0003 this is a Windows program".getBytes(StandardCharsets.ISO_8859_1);
    var disguised = upload(li, liusCase, "screenshot.jpg", program);
    assertThat(disguised.code()).isEqualTo(400);
    assertThat(errorField(disguised)).isEqualTo("file");
    assertThat(disguised.body()).contains("screenshot.jpg");
    // the refusal lists what is accepted, for each language to say
    assertThat(disguised.body()).contains("\"kinds\":\"PDF, PNG, JPEG");
    // a recording's first bytes in front of nothing to play
    var tagAlone =
        upload(
            li, liusCase, "录音.mp3", "ID3\u0004\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(errorField(tagAlone)).isEqualTo("file");
    assertThat(errorField(upload(li, liusCase, "empty.pdf", new byte[0]))).isEqualTo("file");
    // beyond what the server reads at all: still a problem, never a 500
    var huge = upload(li, liusCase, "huge.pdf", new byte[4 * LIMIT]);
    assertThat(huge.code()).isEqualTo(413);
    assertThat(huge.getHeaders().get("Content-Type")).startsWith("application/problem+json");
    assertThat(jsonList(mapper, as(li, HttpRequest.GET(base(liusCase) + "/evidence"))))
        .hasSize(before);
    assertThat(auditActions(liusCase)).doesNotContain("evidence.received");
  }

  @Test
  void a_file_is_kept_under_a_name_whose_extension_says_what_it_holds() {
    // a case of its own: the other tests count what liusCase holds
    var receipts =
        cases.open(
            new OpenCase(new ClientName("周敏"), Optional.empty()), ApiTestSupport.counselor(li));
    var text =
        upload(li, receipts, "收据\u202Egpj.hta", "还款收据：已还 500 元\n".getBytes(StandardCharsets.UTF_8));
    assertThat(text.code()).as(text.body()).isEqualTo(201);
    assertThat(json(mapper, text))
        .containsEntry("name", "收据gpj.txt")
        .containsEntry("mediaType", "text/plain; charset=utf-8");
    var kept = jsonList(mapper, as(li, HttpRequest.GET(base(receipts) + "/evidence")));
    assertThat(kept).extracting(f -> f.get("name")).containsExactly("收据gpj.txt");
  }

  @Test
  void clients_add_evidence_to_their_own_case_and_see_only_what_they_brought() {
    var staffFile = (String) json(mapper, upload(li, liusCase, "letter.pdf", PDF)).get("id");
    var own = upload(liu, liusCase, "短信截图.png", png());
    assertThat(own.code()).isEqualTo(201);
    var ownId = (String) json(mapper, own).get("id");
    assertThat(json(mapper, own)).containsEntry("source", "CLIENT");

    assertThat(jsonList(mapper, as(liu, HttpRequest.GET(base(liusCase) + "/evidence"))))
        .extracting(f -> f.get("id"))
        .containsExactly(ownId);
    assertThat(bytesAs(liu, "/api/evidence/" + ownId + "/content").code()).isEqualTo(200);
    assertThat(bytesAs(liu, "/api/evidence/" + staffFile + "/content").code()).isEqualTo(404);
    assertThat(bytesAs(chen, "/api/evidence/" + ownId + "/content").code()).isEqualTo(404);
    assertThat(bytesAs(wang, "/api/evidence/" + ownId + "/content").code()).isEqualTo(404);
    assertThat(bytesAs(li, "/api/evidence/" + ownId + "/content").code()).isEqualTo(200);
    assertThat(upload(chen, liusCase, "x.png", png()).code()).isEqualTo(404);
    assertThat(upload(supervisor, liusCase, "x.png", png()).code()).isEqualTo(403);

    // the client reports an incident with their own file, not with the counselor's
    var report = new HashMap<String, Object>();
    report.put("kind", "THREATS");
    report.put("description", "催收员说要到我单位闹");
    report.put("happenedOn", today.toString());
    report.put("evidenceIds", List.of(staffFile));
    var refused = as(liu, HttpRequest.POST(base(liusCase) + "/incidents", report));
    assertThat(errorField(refused)).isEqualTo("evidenceIds[0]");
    report.put("evidenceIds", List.of(ownId));
    var reported = as(liu, HttpRequest.POST(base(liusCase) + "/incidents", report));
    assertThat(reported.code()).isEqualTo(201);
    assertThat(json(mapper, reported))
        .containsEntry("source", "CLIENT")
        .containsEntry("status", "OPEN");
    assertThat(as(chen, HttpRequest.POST(base(liusCase) + "/incidents", report)).code())
        .isEqualTo(404);
    assertThat(as(li, HttpRequest.POST(base(liusCase) + "/incidents", report)).code())
        .isEqualTo(403);
    assertThat(jsonList(mapper, as(liu, HttpRequest.GET(base(liusCase) + "/incidents"))))
        .hasSize(1);
    assertThat(jsonList(mapper, as(li, HttpRequest.GET(base(liusCase) + "/flags"))))
        .extracting(f -> f.get("source"))
        .contains("CLIENT");
  }

  private static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H'};
  }

  @Test
  void from_logged_calls_to_findings_flags_a_reviewed_complaint_and_its_bundle() throws Exception {
    var caseFile =
        cases.open(
            new OpenCase(new ClientName("王强"), Optional.empty()), ApiTestSupport.counselor(wang));
    var day = today.minusDays(2);
    var entries = new ArrayList<String>();
    for (int i = 0; i < 7; i++) {
      entries.add(log(caseFile, contact(localTime(day, 9 + i, 0), "CLIENT", "PHONE")));
    }
    var late = log(caseFile, contact(localTime(day, 22, 0), "CLIENT", "SMS"));
    var onTime = log(caseFile, contact(localTime(day, 21, 59), "CLIENT", "SMS"));
    var mother = log(caseFile, contact(localTime(day.minusDays(1), 12, 0), "FAMILY", "PHONE"));
    var letter = (String) json(mapper, upload(wang, caseFile, "律师函.pdf", PDF)).get("id");

    var findings = jsonList(mapper, as(wang, HttpRequest.GET(base(caseFile) + "/findings")));
    assertThat(findings)
        .extracting(f -> f.get("rule"))
        .containsExactlyInAnyOrder("cn.quiet-hours", "cn.calls-per-day", "cn.third-party");
    var calls =
        findings.stream()
            .filter(f -> "cn.calls-per-day".equals(f.get("rule")))
            .findFirst()
            .orElseThrow();
    assertThat(calls.get("entryIds")).asList().containsExactlyElementsOf(entries);
    // what was found is a code with parameters, for the UI to say in the user's language
    assertThat(calls.get("why"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("code", "finding.unanswered-per-number")
        .extractingByKey("params")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("count", String.valueOf(entries.size()))
        .containsEntry("max", "6");
    // a contact with no lender written down is judged by CBA-2026, which names its source
    assertThat(calls).containsEntry("pack", "CN-CBA-2026").containsEntry("packVersion", 1);
    assertThat(calls.get("citation"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("document", "《金融机构个人消费类贷款催收工作指引（试行）》")
        .containsEntry("issuerEn", "China Banking Association")
        .containsEntry("date", "2026-01-30")
        .containsEntry("checked", false);
    var quiet =
        findings.stream()
            .filter(f -> "cn.quiet-hours".equals(f.get("rule")))
            .findFirst()
            .orElseThrow();
    assertThat(quiet.get("entryIds")).asList().containsExactly(late).doesNotContain(onTime);
    assertThat(quiet).containsEntry("from", day.toString());

    var flag1 =
        as(
            wang,
            HttpRequest.POST(base(caseFile) + "/flags", Map.of("findingKey", calls.get("key"))));
    assertThat(flag1.code()).isEqualTo(201);
    assertThat(json(mapper, flag1))
        .containsEntry("why", calls.get("why"))
        .containsEntry("kind", "EXCESSIVE_CALLS")
        .containsEntry("evidenceIds", List.of())
        .containsEntry("source", "DETECTED");
    assertThat(
            errorField(
                as(
                    wang,
                    HttpRequest.POST(
                        base(caseFile) + "/flags", Map.of("findingKey", calls.get("key"))))))
        .isEqualTo("finding");
    assertThat(
            as(
                    supervisor,
                    HttpRequest.POST(
                        base(caseFile) + "/flags", Map.of("findingKey", calls.get("key"))))
                .code())
        .isEqualTo(403);
    var manual = new HashMap<String, Object>();
    manual.put("kind", "IMPERSONATION");
    manual.put("description", "自称法院工作人员，称明天上门执行");
    manual.put("from", day.minusDays(1).toString());
    manual.put("contactIds", List.of(mother));
    manual.put("evidenceIds", List.of(letter));
    var flag2 = as(wang, HttpRequest.POST(base(caseFile) + "/flags", manual));
    assertThat(flag2.code()).as(flag2.body()).isEqualTo(201);
    manual.put("contactIds", List.of(entries.getFirst(), java.util.UUID.randomUUID().toString()));
    assertThat(errorField(as(wang, HttpRequest.POST(base(caseFile) + "/flags", manual))))
        .isEqualTo("contactIds[1]");
    var flagIds = List.of(json(mapper, flag1).get("id"), json(mapper, flag2).get("id"));

    var drafted =
        as(
            wang,
            HttpRequest.POST(
                base(caseFile) + "/complaints",
                Map.of("bodyCode", "12378", "flagIds", flagIds, "language", "zh-CN")));
    assertThat(drafted.code()).as(drafted.body()).isEqualTo(201);
    var complaint = json(mapper, drafted);
    var cid = (String) complaint.get("id");
    assertThat((String) complaint.get("text"))
        .contains("王强")
        .contains("12378")
        .contains("冒充公检法")
        // the flag from a finding cites the document whose rule it breaks; the manual one cites
        // none
        .containsOnlyOnce("依据：中国银行业协会 《金融机构个人消费类贷款催收工作指引（试行）》");
    assertThat(
            errorField(
                as(
                    wang,
                    HttpRequest.POST(
                        base(caseFile) + "/complaints",
                        Map.of("bodyCode", "99999", "flagIds", flagIds)))))
        .isEqualTo("bodyCode");

    // only a supervisor reviews; the counselor cannot file before review
    assertThat(
            as(wang, HttpRequest.POST("/api/complaints/" + cid + "/review", Map.of("version", 0)))
                .code())
        .isEqualTo(403);
    assertThat(
            errorField(
                as(
                    wang,
                    HttpRequest.POST(
                        "/api/complaints/" + cid + "/filing",
                        Map.of("version", 0, "on", today.toString(), "reference", "X")))))
        .isEqualTo("status");
    var queueResponse = as(supervisor, HttpRequest.GET("/api/complaints"));
    var queue = jsonList(mapper, queueResponse);
    assertThat(queue)
        .anySatisfy(q -> assertThat(q).containsEntry("id", cid).containsEntry("clientName", "王强"));
    // the queue is paged on the server: drafts waiting for review come first
    assertThat(queue.getFirst()).containsEntry("status", "DRAFTED");
    var total = Integer.parseInt(queueResponse.header("X-Total-Count"));
    assertThat(total).isEqualTo(queue.size());
    var onePage = as(supervisor, HttpRequest.GET("/api/complaints?size=1&page=0"));
    assertThat(jsonList(mapper, onePage)).hasSize(1);
    assertThat(onePage.header("X-Total-Count")).isEqualTo(String.valueOf(total));
    assertThat(
            jsonList(
                mapper, as(supervisor, HttpRequest.GET("/api/complaints?size=1&page=" + total))))
        .isEmpty();
    assertThat(as(supervisor, HttpRequest.GET("/api/complaints?size=201")).code()).isEqualTo(400);
    assertThat(jsonList(mapper, as(li, HttpRequest.GET("/api/complaints"))))
        .noneMatch(q -> cid.equals(q.get("id")));
    var returned =
        as(
            supervisor,
            HttpRequest.POST(
                "/api/complaints/" + cid + "/return", Map.of("version", 0, "note", "附上通话录音")));
    assertThat(json(mapper, returned))
        .containsEntry("status", "DRAFTED")
        .containsEntry("reviewNote", "附上通话录音");
    assertThat(
            as(
                    wang,
                    HttpRequest.PUT(
                        "/api/complaints/" + cid + "/text", Map.of("version", 0, "text", "stale")))
                .code())
        .isEqualTo(409);
    var edited =
        as(
            wang,
            HttpRequest.PUT(
                "/api/complaints/" + cid + "/text",
                Map.of("version", 1, "text", complaint.get("text") + "\n附：通话录音")));
    assertThat(edited.code()).isEqualTo(200);
    assertThat(
            as(
                    supervisor,
                    HttpRequest.POST("/api/complaints/" + cid + "/review", Map.of("version", 2)))
                .code())
        .isEqualTo(200);
    var filedOn = today.minusDays(16);
    var filed =
        as(
            wang,
            HttpRequest.POST(
                "/api/complaints/" + cid + "/filing",
                Map.of("version", 3, "on", filedOn.toString(), "reference", "NFRA-2026-000123")));
    assertThat(json(mapper, filed))
        .containsEntry("status", "FILED")
        .containsEntry("answerDue", filedOn.plusDays(15).toString())
        .containsEntry("overdue", true);
    assertThat(
            as(
                    li,
                    HttpRequest.POST(
                        "/api/complaints/" + cid + "/answer",
                        Map.of("version", 4, "on", today.toString(), "answer", "x")))
                .code())
        .isEqualTo(404);

    // the bundle: ZIP with the PDF, entries, the letter and checksums that match
    var zip = bytesAs(supervisor, "/api/complaints/" + cid + "/bundle.zip");
    assertThat(zip.code()).isEqualTo(200);
    var files = new HashMap<String, byte[]>();
    try (var in =
        new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    assertThat(files)
        .containsKeys(
            "complaint.pdf", "complaint.txt", "contacts.csv", "SHA256SUMS", "evidence/01-律师函.pdf");
    assertThat(files.get("evidence/01-律师函.pdf")).isEqualTo(PDF);
    var sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8);
    for (var name : List.of("complaint.pdf", "contacts.csv", "evidence/01-律师函.pdf")) {
      assertThat(sums).contains(Sha256.of(files.get(name)) + "  " + name);
    }
    var csv = new String(files.get("contacts.csv"), StandardCharsets.UTF_8);
    assertThat(csv.lines().count()).isEqualTo(1 + 7 + 1); // header, the seven calls, the mother
    try (var document = Loader.loadPDF(files.get("complaint.pdf"))) {
      var text = new PDFTextStripper().getText(document);
      assertThat(text).contains("王强").contains("NFRA-2026-000123").contains(Sha256.of(PDF));
      // the flag from a finding names the document its rule comes from, in both languages (the
      // PDF's lines wrap inside English words, so only the Chinese is read whole)
      assertThat(text.replaceAll("\\s+", " "))
          .contains("依据 Rule: 中国银行业协会 《金融机构个人消费类贷款催收工作指引（试行）》（2026-01-30） / China");
    }
    var pdf = bytesAs(wang, "/api/complaints/" + cid + "/bundle.pdf");
    assertThat(pdf.code()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(bytesAs(chen, "/api/complaints/" + cid + "/bundle.zip").code()).isEqualTo(403);
    assertThat(bytesAs(li, "/api/complaints/" + cid + "/bundle.zip").code()).isEqualTo(404);
    assertThat(auditActions(caseFile))
        .contains(
            "complaint.drafted",
            "complaint.returned",
            "complaint.edited",
            "complaint.reviewed",
            "complaint.filed",
            "complaint.bundle-downloaded",
            "flag.raised");

    var answered =
        as(
            wang,
            HttpRequest.POST(
                "/api/complaints/" + cid + "/answer",
                Map.of("version", 4, "on", today.toString(), "answer", "已责令机构整改")));
    assertThat(json(mapper, answered))
        .containsEntry("status", "ANSWERED")
        .containsEntry("overdue", false);
    var closed =
        as(
            wang,
            HttpRequest.POST(
                "/api/complaints/" + cid + "/closing",
                Map.of("version", 5, "on", today.toString())));
    assertThat(json(mapper, closed)).containsEntry("status", "CLOSED");
    assertThat(jsonList(mapper, as(supervisor, HttpRequest.GET("/api/complaints"))))
        .noneMatch(q -> cid.equals(q.get("id")));

    // a file changed behind the application's back stops the bundle
    sql(
        "alter table evidence_chunk disable trigger evidence_chunk_append_only;"
            + " update evidence_chunk set bytes = convert_to('%PDF forged', 'UTF8') where file_id = '"
            + letter
            + "';"
            + " alter table evidence_chunk enable trigger evidence_chunk_append_only;");
    var refused = as(wang, HttpRequest.GET("/api/complaints/" + cid + "/bundle.zip"));
    assertThat(refused.code()).isEqualTo(409);
    assertThat(refused.body()).contains("律师函.pdf");
  }

  @Test
  void a_correction_that_moves_a_call_out_of_the_quiet_hours_removes_the_finding() {
    var caseFile =
        cases.open(
            new OpenCase(new ClientName("赵六"), Optional.empty()), ApiTestSupport.counselor(wang));
    var day = today.minusDays(1);
    var id = log(caseFile, contact(localTime(day, 22, 30), "CLIENT", "PHONE"));
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET(base(caseFile) + "/findings"))))
        .extracting(f -> f.get("rule"))
        .containsExactly("cn.quiet-hours");
    var fixed = contact(localTime(day, 12, 30), "CLIENT", "PHONE");
    fixed.put("reason", "12:30, not 22:30");
    assertThat(
            as(wang, HttpRequest.POST(base(caseFile) + "/contacts/" + id + "/corrections", fixed))
                .code())
        .isEqualTo(201);
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET(base(caseFile) + "/findings")))).isEmpty();
  }

  @Test
  void a_case_is_judged_by_the_packs_of_its_own_jurisdiction_and_else_by_the_offices() {
    var caseFile =
        cases.open(
            new OpenCase(new ClientName("周七"), Optional.empty()), ApiTestSupport.counselor(wang));
    log(caseFile, contact(localTime(today.minusDays(1), 21, 30), "CLIENT", "PHONE"));
    var findings = base(caseFile) + "/findings";
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET(findings))))
        .as("21:30 is before the quiet hours of the office's (CN) packs")
        .isEmpty();

    var record = new HashMap<String, Object>();
    record.put("jurisdiction", "US");
    record.put("version", caseFile.version());
    var saved = as(wang, HttpRequest.PUT(base(caseFile) + "/record", record));
    assertThat(saved.code()).as(saved.body()).isEqualTo(200);
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET(findings))))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f).containsEntry("rule", "us.inconvenient-time");
              assertThat(f).containsEntry("pack", "US-REGF");
            });

    record.put("jurisdiction", "XX");
    record.put("version", json(mapper, saved).get("version"));
    var refused = as(wang, HttpRequest.PUT(base(caseFile) + "/record", record));
    assertThat(refused.code()).isEqualTo(400);
    assertThat(errorField(refused)).isEqualTo("jurisdiction");

    record.put("jurisdiction", null);
    var cleared = as(wang, HttpRequest.PUT(base(caseFile) + "/record", record));
    assertThat(json(mapper, cleared).get("jurisdiction")).isNull();
    assertThat(json(mapper, cleared)).containsEntry("officeJurisdiction", "CN");
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET(findings)))).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_third_party_asked_once_where_the_client_is_passes_and_asked_again_is_a_finding() {
    var caseFile =
        cases.open(
            new OpenCase(new ClientName("吴八"), Optional.empty()), ApiTestSupport.counselor(wang));
    var findings = base(caseFile) + "/findings";
    var mother = contact(localTime(today.minusDays(2), 10, 0), "FAMILY", "PHONE");
    mother.put("contactedNumber", "139 0000 1111");
    mother.put("thirdPartyPurpose", "LOCATE_ONLY");
    mother.put("thirdPartyAskedToStop", true);
    log(caseFile, mother);
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET(findings)))).isEmpty();
    var entry =
        jsonList(mapper, as(wang, HttpRequest.GET(base(caseFile) + "/contacts"))).getFirst();
    assertThat(entry)
        .containsEntry("thirdPartyPurpose", "LOCATE_ONLY")
        .containsEntry("thirdPartyAskedToStop", true);

    mother.put("localTime", localTime(today.minusDays(1), 10, 0));
    mother.put("thirdPartyAskedToStop", false);
    log(caseFile, mother);
    assertThat(jsonList(mapper, as(wang, HttpRequest.GET(findings))))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f).containsEntry("rule", "cn.third-party");
              assertThat((Map<String, Object>) f.get("why"))
                  .containsEntry("code", "finding.third-party.after-stop");
            });

    var client = contact(localTime(today.minusDays(1), 11, 0), "CLIENT", "PHONE");
    client.put("thirdPartyPurpose", "LOCATE_ONLY");
    var refused = as(wang, HttpRequest.POST(base(caseFile) + "/contacts", client));
    assertThat(refused.code()).isEqualTo(400);
    assertThat(errorField(refused)).isEqualTo("thirdPartyPurpose");
    client.put("thirdPartyPurpose", "GOSSIP");
    client.put("contacted", "FAMILY");
    assertThat(errorField(as(wang, HttpRequest.POST(base(caseFile) + "/contacts", client))))
        .isEqualTo("thirdPartyPurpose");
  }
}
