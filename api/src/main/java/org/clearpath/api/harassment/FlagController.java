package org.clearpath.api.harassment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.problem.MessageView;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.harassment.Citation;
import org.clearpath.domain.harassment.Finding;
import org.clearpath.domain.harassment.Flag;
import org.clearpath.domain.harassment.FlagKind;
import org.clearpath.domain.harassment.Flagging;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * Harassment on a case: what the jurisdiction's rules find in the contact log, flags (from findings
 * or by hand), and the client's own incident reports.
 */
@Controller("/api")
@Tag(name = "harassment")
public class FlagController {
  private final Flagging flagging;
  private final StageSettings office;
  private final Clock clock;

  FlagController(Flagging flagging, StageSettings office, Clock clock) {
    this.flagging = flagging;
    this.office = office;
    this.clock = clock;
  }

  @Serdeable
  public record FindingView(
      String key,
      String rule,
      String kind,
      String description,
      MessageView why,
      List<String> entryIds,
      String from,
      String to,
      boolean flagged,
      String pack,
      int packVersion,
      CitationView citation) {}

  /** Where a rule comes from (the document in its language and in English). */
  @Serdeable
  public record CitationView(
      String document,
      String documentEn,
      String issuer,
      String issuerEn,
      @Nullable String article,
      String date,
      boolean checked) {
    static CitationView of(Citation c) {
      return new CitationView(
          c.document(),
          c.documentEn(),
          c.issuer(),
          c.issuerEn(),
          c.article(),
          c.date().toString(),
          c.checked());
    }
  }

  @Serdeable
  public record PackRuleView(String id, String kind, CitationView citation) {}

  @Serdeable
  public record PackView(
      String id,
      int version,
      String jurisdiction,
      String effectiveFrom,
      @Nullable String effectiveUntil,
      List<PackRuleView> rules) {}

  @Serdeable
  public record FlagView(
      String id,
      String kind,
      String source,
      @Nullable String rule,
      String description,
      MessageView why,
      @Nullable String from,
      @Nullable String to,
      List<String> contactIds,
      List<String> evidenceIds,
      String status,
      @Nullable String dismissReason,
      String raisedByName,
      String raisedAt,
      long version) {
    static FlagView of(Flag f) {
      return new FlagView(
          f.id().toString(),
          f.kind().name(),
          f.source().name(),
          f.rule(),
          f.description(),
          MessageView.of(f.why()),
          f.from() == null ? null : f.from().toString(),
          f.to() == null ? null : f.to().toString(),
          f.contactIds().stream().map(UUID::toString).toList(),
          f.evidenceIds().stream().map(UUID::toString).toList(),
          f.status().name(),
          f.dismissReason(),
          f.raisedByName(),
          f.raisedAt().toString(),
          f.version());
    }
  }

  @Serdeable
  public record FlagRequest(
      @Nullable String findingKey,
      @Nullable String kind,
      @Nullable String description,
      @Nullable String from,
      @Nullable String to,
      @Nullable List<String> contactIds,
      @Nullable List<String> evidenceIds) {}

  @Serdeable
  public record IncidentRequest(
      @Nullable String kind,
      @Nullable String description,
      @Nullable String happenedOn,
      @Nullable List<String> evidenceIds) {}

  @Serdeable
  public record Dismissal(@Nullable String reason, @Nullable Long version) {}

  @Serdeable
  public record RulesView(String jurisdiction, List<String> rules, List<PackView> packs) {}

  @Operation(
      summary =
          "The rule packs (every version, with each rule's citation), the office's jurisdiction"
              + " and the ids of the rules of the packs in force there today")
  @Get("/harassment-rules")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public RulesView rules() {
    var packs = flagging.packs();
    var today = office.today(clock);
    var inForce =
        packs.inForce(packs.office(), today).stream()
            .flatMap(p -> p.rules().stream().map(r -> r.rule().id()))
            .toList();
    var views =
        packs.packs().stream()
            .map(
                p ->
                    new PackView(
                        p.id(),
                        p.version(),
                        p.jurisdiction(),
                        p.effectiveFrom().toString(),
                        p.effectiveUntil() == null ? null : p.effectiveUntil().toString(),
                        p.rules().stream()
                            .map(
                                r ->
                                    new PackRuleView(
                                        r.rule().id(),
                                        r.rule().kind().name(),
                                        CitationView.of(r.citation())))
                            .toList()))
            .toList();
    return new RulesView(packs.office(), inForce, views);
  }

  @Operation(summary = "What the rules find in the case's contact log (corrections applied)")
  @Get("/cases/{id}/findings")
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<FindingView> findings(@PathVariable String id, Authentication auth) {
    var findings = flagging.findings(Inputs.caseId(id), Principals.actor(auth));
    var flagged = findings.flaggedKeys();
    return findings.found().stream()
        .map(
            (Finding f) ->
                new FindingView(
                    f.key(),
                    f.rule(),
                    f.kind().name(),
                    f.description(),
                    MessageView.of(f.why()),
                    f.entryIds(),
                    f.from().toString(),
                    f.to().toString(),
                    flagged.contains(f.key()),
                    f.pack(),
                    f.packVersion(),
                    CitationView.of(f.citation())))
        .toList();
  }

  @Operation(summary = "The case's harassment flags, newest first (staff)")
  @Get("/cases/{id}/flags")
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<FlagView> flags(@PathVariable String id, Authentication auth) {
    return flagging.ofCase(Inputs.caseId(id), Principals.actor(auth)).stream()
        .map(FlagView::of)
        .toList();
  }

  @Operation(summary = "Raise a flag: from a finding (findingKey) or by hand (kind, description…)")
  @Post("/cases/{id}/flags")
  @Secured(Roles.COUNSELOR)
  public HttpResponse<FlagView> raise(
      @PathVariable String id, @Body @Nullable FlagRequest request, Authentication auth) {
    var caseId = Inputs.caseId(id);
    var actor = Principals.actor(auth);
    if (request == null) {
      throw new InvalidInput(
          "kind",
          "send a finding's key, or a kind and a description",
          Message.of("refusal.send-a-finding-s-key-or-a"));
    }
    if (request.findingKey() != null && !request.findingKey().isBlank()) {
      return HttpResponse.created(
          FlagView.of(flagging.fromFinding(caseId, request.findingKey(), actor)));
    }
    var today = office.today(clock);
    var flag =
        flagging.raise(
            caseId,
            Inputs.oneOf("kind", request.kind(), FlagKind.class),
            request.description(),
            Inputs.date("from", request.from(), today),
            request.to() == null || request.to().isBlank()
                ? null
                : Inputs.date("to", request.to(), today),
            Inputs.uuids("contactIds", request.contactIds()),
            Inputs.uuids("evidenceIds", request.evidenceIds()),
            actor);
    return HttpResponse.created(FlagView.of(flag));
  }

  @Operation(summary = "Dismiss a flag that does not hold, with the reason")
  @Post("/flags/{flagId}/dismissal")
  @Secured(Roles.COUNSELOR)
  public FlagView dismiss(
      @PathVariable String flagId, @Body @Nullable Dismissal request, Authentication auth) {
    var id = Inputs.pathId("flag", flagId);
    var actor = Principals.actor(auth);
    flagging.dismiss(
        id,
        request == null ? null : request.reason(),
        Inputs.version(request == null ? null : request.version()),
        actor);
    return flagging.ofCase(flagging.caseOf(id), actor).stream()
        .filter(f -> f.id().equals(id))
        .map(FlagView::of)
        .findFirst()
        .orElseThrow();
  }

  @Operation(summary = "Incident reports: the client's own; staff see every report of the case")
  @Get("/cases/{id}/incidents")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<FlagView> incidents(@PathVariable String id, Authentication auth) {
    return flagging.reports(Inputs.caseId(id), Principals.actor(auth)).stream()
        .map(FlagView::of)
        .toList();
  }

  @Operation(summary = "The client reports an incident, with files uploaded beforehand")
  @Post("/cases/{id}/incidents")
  @Secured(Roles.CLIENT)
  public HttpResponse<FlagView> report(
      @PathVariable String id, @Body @Nullable IncidentRequest request, Authentication auth) {
    if (request == null) {
      throw new InvalidInput(
          "description",
          "describe what happened",
          org.clearpath.domain.shared.Message.of("input.describe"));
    }
    var today = office.today(clock);
    var flag =
        flagging.report(
            Inputs.caseId(id),
            Inputs.oneOf("kind", request.kind(), FlagKind.class),
            request.description(),
            Inputs.date("happenedOn", request.happenedOn(), today),
            Inputs.uuids("evidenceIds", request.evidenceIds()),
            today,
            Principals.actor(auth));
    return HttpResponse.created(FlagView.of(flag));
  }
}
