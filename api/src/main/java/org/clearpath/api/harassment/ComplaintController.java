package org.clearpath.api.harassment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.clearpath.api.evidence.EvidenceController;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.problem.Problem;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.harassment.Complaint;
import org.clearpath.domain.harassment.ComplaintBody;
import org.clearpath.domain.harassment.Complaints;
import org.clearpath.domain.harassment.EvidenceBundle;
import org.clearpath.domain.harassment.HandlingComplaints;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * Complaints drafted from flags: the counselor drafts, edits, files, records the answer and closes;
 * a supervisor reviews (or returns) drafts. The evidence bundle downloads as PDF or ZIP.
 */
@Controller("/api")
@Tag(name = "complaints")
public class ComplaintController {
  private final HandlingComplaints complaints;
  private final StageSettings office;
  private final Clock clock;

  ComplaintController(HandlingComplaints complaints, StageSettings office, Clock clock) {
    this.complaints = complaints;
    this.office = office;
    this.clock = clock;
  }

  @Serdeable
  public record BodyView(
      String code, String nameZh, String nameEn, @Nullable String contact, int answerDays) {
    static BodyView of(ComplaintBody b) {
      return new BodyView(b.code(), b.nameZh(), b.nameEn(), b.contact(), b.answerDays());
    }
  }

  @Serdeable
  public record ComplaintView(
      String id,
      String caseId,
      String bodyCode,
      List<String> flagIds,
      String text,
      String status,
      String draftedByName,
      String draftedAt,
      @Nullable String reviewNote,
      @Nullable String reviewedByName,
      @Nullable String reviewedAt,
      @Nullable String filedOn,
      @Nullable String reference,
      @Nullable String answerDue,
      @Nullable String answeredOn,
      @Nullable String answer,
      @Nullable String closedOn,
      @Nullable String closingNote,
      boolean overdue,
      long version,
      @Nullable String clientName,
      @Nullable String counselorName) {}

  @Serdeable
  public record DraftRequest(
      @Nullable String bodyCode, @Nullable List<String> flagIds, @Nullable String language) {}

  @Serdeable
  public record Step(
      @Nullable Long version,
      @Nullable String text,
      @Nullable String note,
      @Nullable String on,
      @Nullable String reference,
      @Nullable String answer) {}

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private ComplaintView view(Complaint c, String clientName, String counselorName) {
    return new ComplaintView(
        c.id().toString(),
        c.caseId().toString(),
        c.bodyCode(),
        c.flagIds().stream().map(UUID::toString).toList(),
        c.text(),
        c.status().name(),
        c.draftedByName(),
        c.draftedAt().toString(),
        c.reviewNote(),
        c.reviewedByName(),
        text(c.reviewedAt()),
        text(c.filedOn()),
        c.reference(),
        text(c.answerDue()),
        text(c.answeredOn()),
        c.answer(),
        text(c.closedOn()),
        c.closingNote(),
        c.overdue(office.today(clock)),
        c.version(),
        clientName,
        counselorName);
  }

  @Operation(summary = "The bodies complaints can go to (configuration)")
  @Get("/complaint-bodies")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public List<BodyView> bodies() {
    return complaints.bodies().stream().map(BodyView::of).toList();
  }

  @Operation(
      summary =
          "Open complaints: a supervisor's review queue, or a counselor's own; one page (size <="
              + " 200, default 50), drafts awaiting review first, then overdue answers;"
              + " X-Total-Count gives how many in all")
  @Get("/complaints{?page,size}")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public HttpResponse<List<ComplaintView>> queue(
      @QueryValue @Nullable String page, @QueryValue @Nullable String size, Authentication auth) {
    var actor = Principals.actor(auth);
    var found =
        complaints.queue(actor, office.today(clock), Inputs.page(page), Inputs.size(size, 50));
    return Inputs.paged(
        found.complaints().stream()
            .map((Complaints.InQueue q) -> view(q.complaint(), q.clientName(), q.counselorName()))
            .toList(),
        found.total());
  }

  @Operation(summary = "A case's complaints (staff)")
  @Get("/cases/{id}/complaints")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<ComplaintView> ofCase(@PathVariable String id, Authentication auth) {
    return complaints.ofCase(Inputs.caseId(id), Principals.actor(auth)).stream()
        .map(c -> view(c, null, null))
        .toList();
  }

  @Operation(summary = "Draft a complaint from flags; the text is generated (zh-CN or en)")
  @Post("/cases/{id}/complaints")
  @Secured(Roles.COUNSELOR)
  public HttpResponse<ComplaintView> draft(
      @PathVariable String id, @Body @Nullable DraftRequest request, Authentication auth) {
    if (request == null) {
      throw new InvalidInput(
          "bodyCode",
          "choose a body and the flags",
          Message.of("refusal.choose-a-body-and-the-flags"));
    }
    var complaint =
        complaints.draft(
            Inputs.caseId(id),
            request.bodyCode(),
            Inputs.uuids("flagIds", request.flagIds()),
            request.language() == null || !request.language().startsWith("en"),
            Principals.actor(auth));
    return HttpResponse.created(view(complaint, null, null));
  }

  @Operation(summary = "Edit a draft's text")
  @Put("/complaints/{complaintId}/text")
  @Secured(Roles.COUNSELOR)
  public ComplaintView edit(
      @PathVariable String complaintId, @Body @Nullable Step step, Authentication auth) {
    var s = step(step);
    return view(
        complaints.edit(id(complaintId), s.text(), Inputs.version(s.version()), actor(auth)),
        null,
        null);
  }

  @Operation(summary = "A supervisor approves a draft for filing, optionally with a note")
  @Post("/complaints/{complaintId}/review")
  @Secured(Roles.SUPERVISOR)
  public ComplaintView review(
      @PathVariable String complaintId, @Body @Nullable Step step, Authentication auth) {
    var s = step(step);
    return view(
        complaints.review(id(complaintId), s.note(), Inputs.version(s.version()), actor(auth)),
        null,
        null);
  }

  @Operation(summary = "A supervisor returns a draft for changes, with a note")
  @Post("/complaints/{complaintId}/return")
  @Secured(Roles.SUPERVISOR)
  public ComplaintView giveBack(
      @PathVariable String complaintId, @Body @Nullable Step step, Authentication auth) {
    var s = step(step);
    return view(
        complaints.returnForChanges(
            id(complaintId), s.note(), Inputs.version(s.version()), actor(auth)),
        null,
        null);
  }

  @Operation(summary = "Record the filing: date and the body's reference number")
  @Post("/complaints/{complaintId}/filing")
  @Secured(Roles.COUNSELOR)
  public ComplaintView file(
      @PathVariable String complaintId, @Body @Nullable Step step, Authentication auth) {
    var s = step(step);
    var today = office.today(clock);
    return view(
        complaints.file(
            id(complaintId),
            Inputs.date("on", s.on(), today),
            s.reference(),
            Inputs.version(s.version()),
            today,
            actor(auth)),
        null,
        null);
  }

  @Operation(summary = "Record the body's answer")
  @Post("/complaints/{complaintId}/answer")
  @Secured(Roles.COUNSELOR)
  public ComplaintView answer(
      @PathVariable String complaintId, @Body @Nullable Step step, Authentication auth) {
    var s = step(step);
    var today = office.today(clock);
    return view(
        complaints.answer(
            id(complaintId),
            Inputs.date("on", s.on(), today),
            s.answer(),
            Inputs.version(s.version()),
            today,
            actor(auth)),
        null,
        null);
  }

  @Operation(summary = "Close the complaint (answered, withdrawn or abandoned), with a note")
  @Post("/complaints/{complaintId}/closing")
  @Secured(Roles.COUNSELOR)
  public ComplaintView close(
      @PathVariable String complaintId, @Body @Nullable Step step, Authentication auth) {
    var s = step(step);
    var today = office.today(clock);
    return view(
        complaints.close(
            id(complaintId),
            Inputs.date("on", s.on(), today),
            s.note(),
            Inputs.version(s.version()),
            today,
            actor(auth)),
        null,
        null);
  }

  @Operation(summary = "The evidence bundle as PDF (409 if any file fails its hash check)")
  @Get(uri = "/complaints/{complaintId}/bundle.pdf")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public HttpResponse<?> pdf(@PathVariable String complaintId, Authentication auth) {
    var bundle = complaints.bundle(id(complaintId), actor(auth));
    if (!bundle.tampered().isEmpty()) {
      return refused(bundle, complaintId);
    }
    return HttpResponse.ok(
            BundleFiles.pdf(
                bundle, complaints::citationOf, clock.instant(), actor(auth).username()))
        .contentType(MediaType.of("application/pdf"))
        .header("Content-Disposition", EvidenceController.disposition(name(bundle) + ".pdf"))
        .header("Cache-Control", "no-store");
  }

  @Operation(summary = "The evidence bundle as ZIP: PDF, text, entries (CSV), files, SHA256SUMS")
  @Get(uri = "/complaints/{complaintId}/bundle.zip")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public HttpResponse<?> zip(@PathVariable String complaintId, Authentication auth) {
    var bundle = complaints.bundle(id(complaintId), actor(auth));
    if (!bundle.tampered().isEmpty()) {
      return refused(bundle, complaintId);
    }
    var pdf =
        BundleFiles.pdf(bundle, complaints::citationOf, clock.instant(), actor(auth).username());
    return HttpResponse.ok(
            org.clearpath.api.web.ZipFiles.inTemporaryFile(
                "clearpath-bundle-", out -> BundleFiles.zip(bundle, pdf, out)))
        .contentType(MediaType.of("application/zip"))
        .header("Content-Disposition", EvidenceController.disposition(name(bundle) + ".zip"))
        .header("Cache-Control", "no-store");
  }

  private static String name(EvidenceBundle bundle) {
    return "complaint-"
        + bundle.body().code()
        + "-"
        + LocalDate.ofInstant(bundle.complaint().draftedAt(), java.time.ZoneOffset.UTC);
  }

  private static HttpResponse<Problem> refused(EvidenceBundle bundle, String complaintId) {
    var first = bundle.tampered().getFirst();
    var response =
        EvidenceController.tampered(
            first.file(), first.actualSha256(), "/api/complaints/" + complaintId + "/bundle");
    return response;
  }

  private static Step step(Step step) {
    if (step == null) {
      throw new InvalidInput(
          "version",
          "send the version you read",
          org.clearpath.domain.shared.Message.of("input.version"));
    }
    return step;
  }

  private static org.clearpath.domain.shared.Actor actor(Authentication auth) {
    return Principals.actor(auth);
  }

  private static UUID id(String text) {
    return Inputs.pathId("complaint", text);
  }
}
