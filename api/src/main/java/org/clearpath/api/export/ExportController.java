package org.clearpath.api.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.clearpath.api.budget.BudgetController;
import org.clearpath.api.casefile.CaseFileController;
import org.clearpath.api.casefile.CaseRecordController;
import org.clearpath.api.contact.ContactController;
import org.clearpath.api.debt.DebtController;
import org.clearpath.api.evidence.EvidenceController;
import org.clearpath.api.harassment.FlagController;
import org.clearpath.api.plan.PlanController;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.api.stage.StageController;
import org.clearpath.api.web.ZipFiles;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.evidence.HandlingEvidence;
import org.clearpath.domain.evidence.Sha256;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Transactions;

/**
 * Everything the office holds about a client, on request (PIPL art. 45, GDPR art. 15): one ZIP with
 * the data as JSON, a readable PDF in zh-CN or en, the files with their SHA-256 and SHA256SUMS.
 * Each part is what the asker may see through the API, by the same rules: a client gets their own
 * views (no staff text, no internal parts), the case's counselor and supervisors everything. The
 * export is audited on the case.
 */
@Controller("/api/cases/{id}/export.zip")
@Tag(name = "cases")
public class ExportController {
  private final CaseRecordController records;
  private final DebtController debts;
  private final StageController stages;
  private final ContactController contacts;
  private final FlagController flags;
  private final PlanController plans;
  private final BudgetController budgets;
  private final HandlingEvidence evidence;
  private final GuardedCases guarded;
  private final Transactions transactions;
  private final JsonMapper json;
  private final Clock clock;

  @SuppressWarnings("ParameterNumber")
  ExportController(
      CaseRecordController records,
      DebtController debts,
      StageController stages,
      ContactController contacts,
      FlagController flags,
      PlanController plans,
      BudgetController budgets,
      HandlingEvidence evidence,
      GuardedCases guarded,
      Transactions transactions,
      JsonMapper json,
      Clock clock) {
    this.records = records;
    this.debts = debts;
    this.stages = stages;
    this.contacts = contacts;
    this.flags = flags;
    this.plans = plans;
    this.budgets = budgets;
    this.evidence = evidence;
    this.guarded = guarded;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  @Operation(
      summary =
          "Everything held about the client as one ZIP: data.json, summary.pdf (lang zh-CN or en),"
              + " files/ and SHA256SUMS (the client, the case's counselor, supervisors)")
  @Get("{?lang}")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public HttpResponse<StreamedFile> export(
      @PathVariable String id, @QueryValue @Nullable String lang, Authentication auth) {
    var caseId = Inputs.caseId(id);
    var actor = Principals.actor(auth);
    // the case first: 404 for a case not theirs, before any other work
    var caseFile = guarded.visible(caseId, actor);
    var zh = language(lang);
    var data = new LinkedHashMap<String, Object>();
    data.put("exportedAt", clock.instant().toString());
    data.put("exportedBy", actor.username());
    data.put("case", CaseFileController.CaseView.of(caseFile));
    part(data, "record", () -> records.record(id, auth));
    if (!data.containsKey("record")) {
      // the client's own details, without the staff's notes
      var client = caseFile.client();
      var own = new LinkedHashMap<String, Object>();
      own.put("phone", client.phone());
      own.put("email", client.email());
      own.put("idNumberMasked", client.idNumberMasked());
      own.put("zone", client.zone());
      data.put("contactDetails", own);
    }
    part(data, "debts", () -> debts.list(id, auth));
    part(data, "stages", () -> stages.periods(id, auth));
    part(data, "contacts", () -> contacts.list(id, auth));
    part(data, "flags", () -> flags.flags(id, auth));
    part(data, "plans", () -> plans.list(id, auth));
    part(data, "budgets", () -> budgets.history(id, auth));
    var files = evidence.ofCase(caseId, actor);
    data.put("files", files.stream().map(EvidenceController.EvidenceView::of).toList());
    byte[] dataJson;
    Map<String, Object> tree;
    try {
      dataJson = json.writeValueAsBytes(data);
      tree = json.readValue(dataJson, Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var pdf = ExportPdf.of(tree, zh);
    transactions.inOne(
        () -> {
          guarded.audit(
              caseId,
              actor,
              "case.data-exported",
              Map.of("files", String.valueOf(files.size()), "lang", zh ? "zh-CN" : "en"));
          return null;
        });
    guarded.read(caseId, actor, org.clearpath.domain.audit.AccessEntry.Access.EXPORT);
    var name = "clearpath-" + caseId + ".zip";
    return HttpResponse.ok(
            ZipFiles.inTemporaryFile("clearpath-export-", out -> write(dataJson, pdf, files, out)))
        .contentType(MediaType.of("application/zip"))
        .header("Content-Disposition", EvidenceController.disposition(name));
  }

  private static boolean language(@Nullable String lang) {
    if (lang == null || lang.isBlank() || lang.equals("zh-CN")) {
      return true;
    }
    if (lang.equals("en")) {
      return false;
    }
    throw new InvalidInput(
        "lang", "zh-CN or en", Message.of("input.one-of", "allowed", "zh-CN, en"));
  }

  /** A part the asker may see; a part that is not theirs (internal to staff) is left out. */
  private static void part(Map<String, Object> data, String name, Supplier<Object> read) {
    try {
      data.put(name, read.get());
    } catch (NotPermitted notTheirs) {
      // not part of what this asker is shown
    }
  }

  private void write(
      byte[] dataJson,
      byte[] pdf,
      List<org.clearpath.domain.evidence.EvidenceFile> files,
      OutputStream out)
      throws IOException {
    var sums = new StringBuilder();
    sums.append(Sha256.of(dataJson)).append("  data.json\n");
    sums.append(Sha256.of(pdf)).append("  summary.pdf\n");
    var verified = new LinkedHashMap<String, HandlingEvidence.Download.Verified>();
    int n = 1;
    for (var f : files) {
      var name = String.format("files/%02d-%s", n++, f.fileName());
      if (evidence.verify(f) instanceof HandlingEvidence.Download.Verified ok) {
        verified.put(name, ok);
        sums.append(f.sha256()).append("  ").append(name).append('\n');
      }
    }
    var readme =
        "What Clearpath holds about this case, exported on request.\n"
            + "data.json: the data; summary.pdf: the same, readable; files/: the files, each"
            + " checked against the SHA-256 taken when it arrived (sha256sum -c SHA256SUMS).\n"
            + "本压缩包是 Clearpath 中本案的全部资料：data.json 为数据，summary.pdf 为可读版本，files/"
            + " 为文件；每个文件的 SHA-256 在到达时记录，导出时已核验（sha256sum -c SHA256SUMS）。\n";
    try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      ZipFiles.put(zip, "README.txt", readme.getBytes(StandardCharsets.UTF_8));
      ZipFiles.put(zip, "SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
      ZipFiles.put(zip, "data.json", dataJson);
      ZipFiles.put(zip, "summary.pdf", pdf);
      for (var entry : verified.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        try (var content = entry.getValue().content().get()) {
          content.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
  }
}
