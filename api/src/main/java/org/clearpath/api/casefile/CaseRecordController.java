package org.clearpath.api.casefile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.clearpath.api.keycloak.KeycloakClientPortalAccounts;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.CaseStatus;
import org.clearpath.domain.casefile.ClientRecord;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.casefile.UpdatingCase;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * The staff side of a case: the client record (ID number masked; the full number only through an
 * audited reveal), internal household notes, status with its reason, and reassignment. Never for
 * the client.
 */
@Controller("/api")
@Tag(name = "cases")
public class CaseRecordController {
  private final GuardedCases guarded;
  private final UpdatingCase updating;
  private final org.clearpath.api.stage.StageSettings settings;
  private final KeycloakClientPortalAccounts accounts;
  private final org.clearpath.domain.harassment.RulePacks packs;

  CaseRecordController(
      GuardedCases guarded,
      UpdatingCase updating,
      KeycloakClientPortalAccounts accounts,
      org.clearpath.api.stage.StageSettings settings,
      org.clearpath.domain.harassment.RulePacks packs) {
    this.settings = settings;
    this.packs = packs;
    this.guarded = guarded;
    this.updating = updating;
    this.accounts = accounts;
  }

  @Serdeable
  public record RecordView(
      @Nullable String phone,
      @Nullable String email,
      @Nullable String idNumberMasked,
      @Nullable String householdNotes,
      @io.swagger.v3.oas.annotations.media.Schema(
              description = "the client's time zone; none: the office's (officeZone)")
          @Nullable
          String zone,
      String officeZone,
      @io.swagger.v3.oas.annotations.media.Schema(
              description =
                  "the jurisdiction whose collection rules judge the case; none: the office's"
                      + " (officeJurisdiction)")
          @Nullable
          String jurisdiction,
      String officeJurisdiction,
      @io.swagger.v3.oas.annotations.media.Schema(
              description = "the jurisdictions an office's rule packs cover, to choose from",
              requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED)
          List<String> jurisdictions,
      String status,
      @Nullable String statusReason,
      String counselorId,
      String counselorName,
      long version) {
    static RecordView of(
        CaseFile c, String officeZone, org.clearpath.domain.harassment.RulePacks packs) {
      var r = c.client();
      return new RecordView(
          r.phone(),
          r.email(),
          r.idNumberMasked(),
          r.householdNotes(),
          r.zone(),
          officeZone,
          r.jurisdiction(),
          packs.office(),
          packs.governing().keySet().stream().sorted().toList(),
          c.status().name(),
          c.statusReason(),
          c.counselor().value(),
          c.counselorName(),
          c.version());
    }
  }

  /** {@code idNumber}: absent or null keeps the stored number; "" removes it. */
  @Serdeable
  public record RecordRequest(
      @Nullable String phone,
      @Nullable String email,
      @Nullable String idNumber,
      @Nullable String householdNotes,
      @Nullable String zone,
      @Nullable String jurisdiction,
      @Nullable Long version) {}

  @Serdeable
  public record StatusRequest(
      @Nullable String status, @Nullable String reason, @Nullable Long version) {}

  @Serdeable
  public record AssignRequest(@Nullable String counselorId, @Nullable Long version) {}

  @Serdeable
  public record Revealed(String idNumber) {}

  @Serdeable
  public record Counselor(String id, String username) {}

  private RecordView view(CaseFile caseFile) {
    return RecordView.of(caseFile, settings.zone(), packs);
  }

  private CaseFile internal(String id, Authentication authentication) {
    return guarded.internal(Inputs.caseId(id), Principals.actor(authentication), "the case record");
  }

  @Operation(summary = "The client record and internal notes (counselor of the case, supervisors)")
  @Get("/cases/{id}/record")
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public RecordView record(@PathVariable String id, Authentication authentication) {
    var caseFile = internal(id, authentication);
    guarded.read(
        caseFile.id(),
        Principals.actor(authentication),
        org.clearpath.domain.audit.AccessEntry.Access.RECORD);
    return view(caseFile);
  }

  @Operation(summary = "Change the client record (the case's counselor); 409 on a stale version")
  @Put("/cases/{id}/record")
  @Secured(Roles.COUNSELOR)
  public RecordView update(
      @PathVariable String id,
      @Body @Nullable RecordRequest request,
      Authentication authentication) {
    if (request == null) {
      throw new InvalidInput(
          "version",
          "send the version you read",
          org.clearpath.domain.shared.Message.of("input.version"));
    }
    var actor = Principals.actor(authentication);
    var current = guarded.visible(Inputs.caseId(id), actor);
    var idNumber = request.idNumber() == null ? current.client().idNumber() : request.idNumber();
    var record =
        new ClientRecord(
            request.phone(),
            request.email(),
            idNumber,
            request.householdNotes(),
            request.zone(),
            request.jurisdiction());
    if (record.jurisdiction() != null && !packs.governing().containsKey(record.jurisdiction())) {
      var known = String.join(", ", packs.governing().keySet().stream().sorted().toList());
      throw new InvalidInput(
          "jurisdiction",
          "no rule packs for " + record.jurisdiction() + " (one of " + known + ")",
          Message.of("input.one-of", "allowed", known));
    }
    return view(
        updating.updateClientRecord(
            current.id(), record, Inputs.version(request.version()), actor));
  }

  @Operation(summary = "Change the case status, with the reason (the case's counselor)")
  @Put("/cases/{id}/status")
  @Secured(Roles.COUNSELOR)
  public RecordView status(
      @PathVariable String id,
      @Body @Nullable StatusRequest request,
      Authentication authentication) {
    if (request == null || request.status() == null) {
      throw new InvalidInput(
          "status",
          "one of " + java.util.Arrays.toString(CaseStatus.values()),
          Message.of("input.one-of", "allowed", java.util.Arrays.toString(CaseStatus.values())));
    }
    CaseStatus status;
    try {
      status = CaseStatus.valueOf(request.status());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          "status",
          "one of " + java.util.Arrays.toString(CaseStatus.values()),
          Message.of("input.one-of", "allowed", java.util.Arrays.toString(CaseStatus.values())));
    }
    return view(
        updating.changeStatus(
            Inputs.caseId(id),
            status,
            request.reason(),
            Inputs.version(request.version()),
            Principals.actor(authentication)));
  }

  @Operation(summary = "Show the full ID number once (counselor of the case, supervisors); audited")
  @Post("/cases/{id}/id-number/reveal")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public Revealed reveal(@PathVariable String id, Authentication authentication) {
    return new Revealed(
        updating.revealIdNumber(Inputs.caseId(id), Principals.actor(authentication)));
  }

  @Operation(summary = "Counselors a case can be assigned to (supervisors)")
  @Get("/counselors")
  @Secured(Roles.SUPERVISOR)
  public List<Counselor> counselors() {
    return accounts.counselors().stream()
        .map(e -> new Counselor(e.getKey().value(), e.getValue()))
        .toList();
  }

  @Operation(summary = "Reassign a case to another counselor (supervisors); 409 on a stale version")
  @Put("/cases/{id}/counselor")
  @Secured(Roles.SUPERVISOR)
  public RecordView reassign(
      @PathVariable String id,
      @Body @Nullable AssignRequest request,
      Authentication authentication) {
    if (request == null || request.counselorId() == null) {
      throw new InvalidInput(
          "counselorId", "choose a counselor", Message.of("refusal.choose-a-counselor"));
    }
    var counselor =
        accounts.counselors().stream()
            .filter(e -> e.getKey().value().equals(request.counselorId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInput(
                        "counselorId", "not a counselor", Message.of("refusal.not-a-counselor")));
    return view(
        updating.reassign(
            Inputs.caseId(id),
            counselor.getKey(),
            counselor.getValue(),
            Inputs.version(request.version()),
            Principals.actor(authentication)));
  }
}
