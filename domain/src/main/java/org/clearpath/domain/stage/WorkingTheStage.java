package org.clearpath.domain.stage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.casefile.CaseAccess;
import org.clearpath.domain.casefile.CaseAccessPolicy;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.casefile.CaseId;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;

/**
 * Use cases of the case's counselor on the stage: tick off recommended actions, and set the stage
 * by hand with a reason (for what the records cannot show). Staff see the checklist; every change
 * is audited.
 */
public final class WorkingTheStage {
  private final CaseFiles caseFiles;
  private final ChecklistTicks ticks;
  private final ManualStages manualStages;
  private final AuditTrail auditTrail;
  private final CaseAccessPolicy policy;
  private final Clock clock;

  /** Where a manual stage change is recorded (the stage history). */
  public interface ManualStages {
    void setManually(CaseId caseId, Stage stage, String reason, LocalDate on, Actor actor);
  }

  public WorkingTheStage(
      CaseFiles caseFiles,
      ChecklistTicks ticks,
      ManualStages manualStages,
      AuditTrail auditTrail,
      CaseAccessPolicy policy,
      Clock clock) {
    this.caseFiles = caseFiles;
    this.ticks = ticks;
    this.manualStages = manualStages;
    this.auditTrail = auditTrail;
    this.policy = policy;
    this.clock = clock;
  }

  public List<ChecklistTick> checklist(CaseId caseId, Actor actor) {
    var caseFile = visible(caseId, actor);
    if (!policy.seesInternals(actor, caseFile)) {
      throw new NotPermitted("the checklist is for counselors and supervisors");
    }
    return ticks.ofCase(caseId);
  }

  public void setDone(CaseId caseId, Stage stage, String item, boolean done, Actor actor) {
    if (!StageChecklist.has(stage, item)) {
      throw new InvalidInput("item", "not a recommended action of the " + stage + " stage");
    }
    var caseFile = changeable(caseId, actor);
    var changed =
        done
            ? ticks.tick(
                caseId,
                new ChecklistTick(stage, item, actor.id(), actor.username(), clock.instant()))
            : ticks.untick(caseId, stage, item);
    if (changed) {
      audit(
          caseFile,
          actor,
          done ? "checklist.done" : "checklist.undone",
          Map.of("stage", stage.name(), "item", item));
    }
  }

  public void setStage(CaseId caseId, Stage stage, String reason, LocalDate on, Actor actor) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInput("reason", "a stage set by hand needs a reason");
    }
    if (reason.length() > 1000) {
      throw new InvalidInput("reason", "the reason is limited to 1000 characters");
    }
    var caseFile = changeable(caseId, actor);
    manualStages.setManually(caseId, stage, reason.strip(), on, actor);
    audit(
        caseFile,
        actor,
        "stage.set",
        Map.of("before", caseFile.stage().name(), "after", stage.name(), "reason", reason.strip()));
  }

  private CaseFile visible(CaseId id, Actor actor) {
    return caseFiles
        .find(id)
        .filter(c -> policy.toView(actor, c).granted())
        .orElseThrow(() -> new NotFound("case " + id));
  }

  private CaseFile changeable(CaseId id, Actor actor) {
    var caseFile = visible(id, actor);
    if (policy.toChange(actor, caseFile) instanceof CaseAccess.Denied denied) {
      throw new NotPermitted(denied.why());
    }
    return caseFile;
  }

  private void audit(CaseFile caseFile, Actor actor, String action, Map<String, String> details) {
    auditTrail.record(
        new AuditEntry(
            caseFile.id(), actor.id(), actor.username(), action, details, clock.instant()));
  }
}
