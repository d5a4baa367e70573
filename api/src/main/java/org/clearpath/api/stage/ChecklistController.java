package org.clearpath.api.stage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.stage.WorkingTheStage;

/** The counselor's work on the stage: the checklist of recommended actions, a stage set by hand. */
@Controller("/api/cases/{id}")
@Tag(name = "stages")
public class ChecklistController {
  private final WorkingTheStage working;
  private final StageSettings settings;
  private final Clock clock;

  ChecklistController(WorkingTheStage working, StageSettings settings, Clock clock) {
    this.working = working;
    this.settings = settings;
    this.clock = clock;
  }

  @Serdeable
  public record Item(String key, boolean done, @Nullable String doneBy, @Nullable Instant doneAt) {}

  @Serdeable
  public record Checklist(String stage, List<Item> items) {}

  @Serdeable
  public record DoneRequest(@Nullable Boolean done) {}

  @Serdeable
  public record StageRequest(@Nullable String stage, @Nullable String reason) {}

  private static Stage stage(String name) {
    try {
      return Stage.valueOf(name == null ? "" : name);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          "stage",
          "one of " + java.util.Arrays.toString(Stage.values()),
          Message.of("input.one-of", "allowed", java.util.Arrays.toString(Stage.values())));
    }
  }

  @Operation(summary = "The recommended actions of the case's current stage and which are done")
  @Get("/checklist")
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public Checklist checklist(@PathVariable String id, Authentication authentication) {
    var progress = working.checklist(Inputs.caseId(id), Principals.actor(authentication));
    var items =
        progress.actions().stream()
            .map(
                action ->
                    action
                        .tick()
                        .map(t -> new Item(action.key(), true, t.doneByName(), t.doneAt()))
                        .orElse(new Item(action.key(), false, null, null)))
            .toList();
    return new Checklist(progress.stage().name(), items);
  }

  @Operation(summary = "Mark a recommended action done or not done (the case's counselor)")
  @Put("/checklist/{stage}/{item}")
  @Secured(Roles.COUNSELOR)
  public HttpResponse<?> setDone(
      @PathVariable String id,
      @PathVariable("stage") String stageName,
      @PathVariable String item,
      @Body @Nullable DoneRequest request,
      Authentication authentication) {
    if (request == null || request.done() == null) {
      throw new InvalidInput("done", "true or false", Message.of("refusal.true-or-false"));
    }
    working.setDone(
        Inputs.caseId(id),
        stage(stageName),
        item,
        request.done(),
        Principals.actor(authentication));
    return HttpResponse.noContent();
  }

  @Operation(summary = "Set the stage by hand, with the reason (the case's counselor)")
  @Put("/stage")
  @Secured(Roles.COUNSELOR)
  public HttpResponse<?> setStage(
      @PathVariable String id,
      @Body @Nullable StageRequest request,
      Authentication authentication) {
    if (request == null) {
      throw new InvalidInput(
          "stage",
          "one of " + java.util.Arrays.toString(Stage.values()),
          Message.of("input.one-of", "allowed", java.util.Arrays.toString(Stage.values())));
    }
    working.setStage(
        Inputs.caseId(id),
        stage(request.stage()),
        request.reason(),
        settings.today(clock),
        Principals.actor(authentication));
    return HttpResponse.noContent();
  }
}
