package org.clearpath.domain.casefile;

import java.time.Clock;
import java.util.Map;
import org.clearpath.domain.audit.AccessEntry;
import org.clearpath.domain.audit.AccessEntry.Access;
import org.clearpath.domain.audit.AccessLog;
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
  private final AccessLog accessLog;
  private final Clock clock;

  public GuardedCases(
      CaseFiles caseFiles,
      CaseAccessPolicy policy,
      AuditTrail auditTrail,
      AccessLog accessLog,
      Clock clock) {
    this.caseFiles = caseFiles;
    this.policy = policy;
    this.auditTrail = auditTrail;
    this.accessLog = accessLog;
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

  /** The case, or {@link NotFound} when it does not exist or is not the actor's to see. */
  public CaseFile visible(CaseId id, Actor actor) {
    var found = caseFiles.find(id).orElseThrow(() -> new NotFound("case " + id));
    if (!policy.toView(actor, found).granted()) {
      refused(id, actor, Access.CASE);
      throw new NotFound("case " + id);
    }
    return found;
  }

  public CaseFile changeable(CaseId id, Actor actor) {
    var caseFile = visible(id, actor);
    if (policy.toChange(actor, caseFile) instanceof CaseAccess.Denied denied) {
      refused(id, actor, Access.CHANGE);
      throw new NotPermitted(denied.why());
    }
    return caseFile;
  }

  /** Internal parts of a case (audit trail, record, checklist): its counselor and supervisors. */
  public CaseFile internal(CaseId id, Actor actor, String what) {
    var caseFile = visible(id, actor);
    if (!policy.seesInternals(actor, caseFile)) {
      refused(id, actor, Access.INTERNALS);
      throw new NotPermitted(what + " is for counselors and supervisors");
    }
    return caseFile;
  }

  /**
   * Sensitive data of a case the actor may see ({@link #visible}, {@link #internal}) is being read:
   * the access log keeps who, what ({@link Access}) and when.
   */
  public void read(CaseId id, Actor actor, String what) {
    read(id, actor, what, Map.of());
  }

  public void read(CaseId id, Actor actor, String what, Map<String, String> details) {
    accessLog.record(
        new AccessEntry(
            id, actor.id().value(), actor.username(), what, false, details, clock.instant()));
  }

  /** A read by no logged-in user (the calendar feed's secret URL): the actor is {@code what}. */
  public void readByNobodyInParticular(CaseId id, String what) {
    accessLog.record(new AccessEntry(id, what, what, what, false, Map.of(), clock.instant()));
  }

  /** An attempt on a case the actor was refused: kept with who, what and when. */
  public void refused(CaseId id, Actor actor, String what) {
    accessLog.record(
        new AccessEntry(
            id, actor.id().value(), actor.username(), what, true, Map.of(), clock.instant()));
  }

  /** A page of who read the case's sensitive data or was refused: supervisors who see it. */
  public AccessLog.Page accessLog(CaseId id, Actor actor, int page, int size) {
    visible(id, actor);
    if (!actor.is(org.clearpath.domain.shared.Role.SUPERVISOR)) {
      throw new NotPermitted("the access log is for supervisors");
    }
    return accessLog.ofCase(id, page, size);
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
