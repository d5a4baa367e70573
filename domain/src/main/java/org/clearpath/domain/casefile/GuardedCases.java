package org.clearpath.domain.casefile;

import java.time.Clock;
import java.util.Map;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.UserId;

/**
 * What every use case on a case does first and last: fetch the case only if the actor may see it
 * (else {@link NotFound}, like a missing one), require that they may change it (else {@link
 * NotPermitted}), and audit what they did.
 */
public final class GuardedCases {
  private final CaseFiles caseFiles;
  private final CaseAccessPolicy policy;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public GuardedCases(
      CaseFiles caseFiles, CaseAccessPolicy policy, AuditTrail auditTrail, Clock clock) {
    this.caseFiles = caseFiles;
    this.policy = policy;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  public CaseAccessPolicy policy() {
    return policy;
  }

  /** Whose cases the actor's lists cover: the same cases {@link #visible} lets them open. */
  public org.clearpath.domain.shared.Reach reachOf(Actor actor) {
    return policy.oversight().reachOf(actor);
  }

  public CaseFiles caseFiles() {
    return caseFiles;
  }

  public java.time.Instant now() {
    return clock.instant();
  }

  public CaseFile visible(CaseId id, Actor actor) {
    return caseFiles
        .find(id)
        .filter(c -> policy.toView(actor, c).granted())
        .orElseThrow(() -> new NotFound("case " + id));
  }

  public CaseFile changeable(CaseId id, Actor actor) {
    var caseFile = visible(id, actor);
    if (policy.toChange(actor, caseFile) instanceof CaseAccess.Denied denied) {
      throw new NotPermitted(denied.why());
    }
    return caseFile;
  }

  /** Internal parts of a case (audit trail, record, checklist): its counselor and supervisors. */
  public CaseFile internal(CaseId id, Actor actor, String what) {
    var caseFile = visible(id, actor);
    if (!policy.seesInternals(actor, caseFile)) {
      throw new NotPermitted(what + " is for counselors and supervisors");
    }
    return caseFile;
  }

  public void audit(CaseId caseId, Actor actor, String action, Map<String, String> details) {
    auditTrail.record(
        new AuditEntry(caseId, actor.id(), actor.username(), action, details, clock.instant()));
  }

  /** For changes nobody in particular made (a job). */
  public void audit(
      CaseId caseId, UserId actor, String actorName, String action, Map<String, String> details) {
    auditTrail.record(new AuditEntry(caseId, actor, actorName, action, details, clock.instant()));
  }
}
