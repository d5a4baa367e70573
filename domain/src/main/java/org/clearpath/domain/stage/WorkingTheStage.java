package org.clearpath.domain.stage;

import java.time.LocalDate;
import java.util.Map;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Stage;

/**
 * Use cases of the case's counselor on the stage: tick off recommended actions, and set the stage
 * by hand with a reason (for what the records cannot show). Staff see the checklist; every change
 * is audited.
 */
public final class WorkingTheStage {
  private final GuardedCases cases;
  private final ChecklistTicks ticks;
  private final ManualStages manualStages;

  /** Where a manual stage change is recorded (the stage history). */
  public interface ManualStages {
    void setManually(CaseId caseId, Stage stage, String reason, LocalDate on, Actor actor);
  }

  private final org.clearpath.domain.shared.Transactions transactions;

  public WorkingTheStage(
      GuardedCases cases,
      ChecklistTicks ticks,
      ManualStages manualStages,
      org.clearpath.domain.shared.Transactions transactions) {
    this.transactions = transactions;
    this.cases = cases;
    this.ticks = ticks;
    this.manualStages = manualStages;
  }

  /** The current stage's recommended actions and which are done: one read of the case. */
  public StageProgress checklist(CaseId caseId, Actor actor) {
    var caseFile = cases.internal(caseId, actor, "the checklist");
    return StageProgress.of(caseFile.stage(), ticks.ofCase(caseId));
  }

  public void setDone(CaseId caseId, Stage stage, String item, boolean done, Actor actor) {
    transactions.inOne(
        () -> {
          if (!StageChecklist.has(stage, item)) {
            throw new InvalidInput(
                "item",
                "not a recommended action of the " + stage + " stage",
                Message.of("refusal.not-a-stage-action", "stage", stage));
          }
          var caseFile = cases.changeable(caseId, actor);
          var changed =
              done
                  ? ticks.tick(
                      caseId,
                      new ChecklistTick(stage, item, actor.id(), actor.username(), cases.now()))
                  : ticks.untick(caseId, stage, item);
          if (changed) {
            audit(
                caseFile,
                actor,
                done ? "checklist.done" : "checklist.undone",
                Map.of("stage", stage.name(), "item", item));
          }
          return null;
        });
  }

  public void setStage(CaseId caseId, Stage stage, String reason, LocalDate on, Actor actor) {
    transactions.inOne(
        () -> {
          if (reason == null || reason.isBlank()) {
            throw new InvalidInput(
                "reason",
                "a stage set by hand needs a reason",
                org.clearpath.domain.shared.Message.of("input.reason"));
          }
          if (reason.length() > 1000) {
            throw new InvalidInput(
                "reason",
                "the reason is limited to 1000 characters",
                Message.of("input.max-length", "max", 1000));
          }
          var caseFile = cases.changeable(caseId, actor);
          manualStages.setManually(caseId, stage, reason.strip(), on, actor);
          audit(
              caseFile,
              actor,
              "stage.set",
              Map.of(
                  "before",
                  caseFile.stage().name(),
                  "after",
                  stage.name(),
                  "reason",
                  reason.strip()));
          return null;
        });
  }

  private void audit(CaseFile caseFile, Actor actor, String action, Map<String, String> details) {
    cases.audit(caseFile.id(), actor, action, details);
  }
}
