package org.clearpath.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.jsonList;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipInputStream;
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

/**
 * The client's data on request: one ZIP with data.json, summary.pdf, the files and SHA256SUMS; the
 * client's copy has no staff text, the staff's has all; audited; nobody else's case.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportApiTest implements TestPropertyProvider {
  private static final byte[] RECEIPT = "收据 2026-11-30 还款 500 元\n".getBytes(StandardCharsets.UTF_8);

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
  private final User zhou = User.with("client");
  private CaseFile chensCase;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  private String base() {
    return "/api/cases/" + chensCase.id();
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  @BeforeAll
  void aCaseWithARecordADebtAContactAndAReceipt() {
    chensCase =
        cases.open(
            new OpenCase(new ClientName("陈小明"), Optional.of(new UserId(chen.id()))),
            ApiTestSupport.counselor(wang));
    var record = new HashMap<String, Object>();
    record.put("phone", "139 1234 5678");
    record.put("householdNotes", "丈夫失业，两个孩子");
    record.put("version", 0);
    assertThat(as(wang, HttpRequest.PUT(base() + "/record", record)).code()).isEqualTo(200);
    var lender =
        as(
            wang,
            HttpRequest.POST("/api/lenders", Map.of("name", "花呗", "kind", "CONSUMER_FINANCE")));
    assertThat(lender.code()).isEqualTo(201);
    var debt = new HashMap<String, Object>();
    debt.put("lenderId", org.clearpath.api.testing.ApiTestSupport.json(mapper, lender).get("id"));
    debt.put("product", "消费贷");
    debt.put("currency", "CNY");
    debt.put("principal", "3000.00");
    debt.put("interest", "0.00");
    debt.put("penaltyInterest", "0.00");
    debt.put("fees", "");
    debt.put("dues", java.util.List.of(Map.of("date", "2026-12-15", "amount", "3000.00")));
    var created = as(wang, HttpRequest.POST(base() + "/debts", debt));
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    var upload =
        HttpRequest.POST(base() + "/evidence?name=receipt.txt", RECEIPT)
            .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE);
    assertThat(as(chen, upload).code()).isEqualTo(201);
  }

  private Map<String, byte[]> unzip(User user, String query) throws IOException {
    var response =
        http.toBlocking()
            .exchange(
                HttpRequest.GET(base() + "/export.zip" + query)
                    .bearerAuth(ApiTestSupport.tokenFor(tokens, user)),
                byte[].class);
    assertThat(response.code()).isEqualTo(200);
    assertThat(response.getContentType().orElseThrow().toString()).startsWith("application/zip");
    var entries = new LinkedHashMap<String, byte[]>();
    try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }

  @Test
  void the_client_gets_their_data_files_and_hashes_without_staff_text() throws IOException {
    var zip = unzip(chen, "?lang=zh-CN");
    assertThat(zip.keySet())
        .contains("README.txt", "SHA256SUMS", "data.json", "summary.pdf", "files/01-receipt.txt");
    assertThat(zip.get("files/01-receipt.txt")).isEqualTo(RECEIPT);
    // every line of SHA256SUMS holds for what is in the ZIP
    var sums = new String(zip.get("SHA256SUMS"), StandardCharsets.UTF_8).strip().split("\n");
    assertThat(sums).hasSize(3);
    for (var line : sums) {
      var hash = line.substring(0, 64);
      var name = line.substring(66);
      assertThat(Sha256.of(zip.get(name))).as(name).isEqualTo(hash);
    }
    var data = new String(zip.get("data.json"), StandardCharsets.UTF_8);
    assertThat(data).contains("陈小明").contains("花呗").contains("receipt.txt");
    // her own contact details are hers to have
    assertThat(data).contains("\"contactDetails\"").contains("139 1234 5678");
    // the client's own views: no household notes, no contact log, no budget
    assertThat(data).doesNotContain("丈夫失业").doesNotContain("\"contacts\"");
    assertThat(data).doesNotContain("\"record\"").doesNotContain("\"budgets\"");
    assertThat(new String(zip.get("summary.pdf"), StandardCharsets.ISO_8859_1)).startsWith("%PDF-");

    var audit =
        jsonList(mapper, as(supervisor, HttpRequest.GET(base() + "/audit"))).stream()
            .filter(e -> "case.data-exported".equals(e.get("action")))
            .toList();
    assertThat(audit).isNotEmpty();
    assertThat(audit.getLast()).containsEntry("actorName", chen.username());
  }

  @Test
  void the_counselor_exports_everything_held_including_internal_notes() throws IOException {
    var zip = unzip(wang, "?lang=en");
    var data = new String(zip.get("data.json"), StandardCharsets.UTF_8);
    assertThat(data).contains("丈夫失业").contains("\"contacts\"").contains("\"record\"");
    assertThat(zip).containsKey("files/01-receipt.txt");
  }

  @Test
  void nobody_else_exports_the_case_and_a_bad_language_is_named() {
    assertThat(as(li, HttpRequest.GET(base() + "/export.zip")).code()).isEqualTo(404);
    assertThat(as(zhou, HttpRequest.GET(base() + "/export.zip")).code()).isEqualTo(404);
    assertThat(send(http, HttpRequest.GET(base() + "/export.zip")).code()).isEqualTo(401);
    var bad = as(wang, HttpRequest.GET(base() + "/export.zip?lang=fr"));
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"lang\"");
  }
}
