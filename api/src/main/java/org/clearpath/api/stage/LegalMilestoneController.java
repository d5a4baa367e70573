package org.clearpath.api.stage;

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
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.stage.LegalMilestone;
import org.clearpath.domain.stage.RecordingLegalMilestones;

/**
 * Legal steps on a case (lawsuit, judgment, enforcement, listings); they put it in the legal stage.
 */
@Controller("/api/cases/{id}/legal-milestones")
@Tag(name = "stages")
public class LegalMilestoneController {
  private final RecordingLegalMilestones recording;
  private final StageSettings settings;
  private final Clock clock;

  LegalMilestoneController(
      RecordingLegalMilestones recording, StageSettings settings, Clock clock) {
    this.recording = recording;
    this.settings = settings;
    this.clock = clock;
  }

  @Serdeable
  public record MilestoneView(String kind, String on, @Nullable String endedOn) {}

  @Serdeable
  public record NewMilestone(
      @Nullable String kind, @Nullable String on, @Nullable String endedOn) {}

  @Operation(summary = "A case's legal steps, oldest first")
  @Get
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<MilestoneView> list(@PathVariable String id, Authentication authentication) {
    return recording.ofCase(Inputs.caseId(id), Principals.actor(authentication)).stream()
        .map(
            m ->
                new MilestoneView(
                    m.kind().name(),
                    m.on().toString(),
                    m.endedOn() == null ? null : m.endedOn().toString()))
        .toList();
  }

  @Operation(summary = "Record a legal step (the case's counselor); the case's stage follows")
  @Post
  @Secured(Roles.COUNSELOR)
  public HttpResponse<MilestoneView> add(
      @PathVariable String id,
      @Body @Nullable NewMilestone request,
      Authentication authentication) {
    if (request == null || request.kind() == null) {
      throw new InvalidInput(
          "kind",
          "one of " + java.util.Arrays.toString(LegalMilestone.Kind.values()),
          Message.of(
              "input.one-of", "allowed", java.util.Arrays.toString(LegalMilestone.Kind.values())));
    }
    LegalMilestone.Kind kind;
    try {
      kind = LegalMilestone.Kind.valueOf(request.kind());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          "kind",
          "one of " + java.util.Arrays.toString(LegalMilestone.Kind.values()),
          Message.of(
              "input.one-of", "allowed", java.util.Arrays.toString(LegalMilestone.Kind.values())));
    }
    var today = settings.today(clock);
    var on = Inputs.date("on", request.on(), today);
    var endedOn =
        request.endedOn() == null || request.endedOn().isBlank()
            ? null
            : Inputs.date("endedOn", request.endedOn(), today.plusYears(30));
    var milestone = new LegalMilestone(kind, on, endedOn);
    var caseId = Inputs.caseId(id);
    recording.record(caseId, milestone, today, Principals.actor(authentication));
    return HttpResponse.created(
        new MilestoneView(kind.name(), on.toString(), endedOn == null ? null : endedOn.toString()));
  }
}
