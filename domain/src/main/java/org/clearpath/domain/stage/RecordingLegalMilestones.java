package org.clearpath.domain.stage;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
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

/** Use case: the case's counselor records a lawsuit, judgment, enforcement or listing. Audited. */
public final class RecordingLegalMilestones {
  private final CaseFiles caseFiles;
  private final LegalMilestones milestones;
  private final AuditTrail auditTrail;
  private final CaseAccessPolicy policy;
  private final Clock clock;

  public RecordingLegalMilestones(
      CaseFiles caseFiles,
      LegalMilestones milestones,
      AuditTrail auditTrail,
      CaseAccessPolicy policy,
      Clock clock) {
    this.caseFiles = caseFiles;
    this.milestones = milestones;
    this.auditTrail = auditTrail;
    this.policy = policy;
    this.clock = clock;
  }

  public List<LegalMilestone> ofCase(CaseId caseId, Actor actor) {
    return milestones.ofCase(visible(caseId, actor).id());
  }

  /** Records the step; {@code today} is the calendar day in the office's zone. */
  public void record(
      CaseId caseId, LegalMilestone milestone, java.time.LocalDate today, Actor actor) {
    var caseFile = visible(caseId, actor);
    if (policy.toChange(actor, caseFile) instanceof CaseAccess.Denied denied) {
      throw new NotPermitted(denied.why());
    }
    if (milestone.on().isAfter(today)) {
      throw new InvalidInput("on", "a legal step is recorded once it has happened");
    }
    milestones.add(caseId, milestone);
    var details = new LinkedHashMap<String, String>();
    details.put("kind", milestone.kind().name());
    details.put("on", milestone.on().toString());
    if (milestone.endedOn() != null) {
      details.put("endedOn", milestone.endedOn().toString());
    }
    auditTrail.record(
        new AuditEntry(
            caseId, actor.id(), actor.username(), "legal.recorded", details, clock.instant()));
  }

  private CaseFile visible(CaseId caseId, Actor actor) {
    return caseFiles
        .find(caseId)
        .filter(c -> policy.toView(actor, c).granted())
        .orElseThrow(() -> new NotFound("case " + caseId));
  }
}
