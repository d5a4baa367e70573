package org.clearpath.domain.casefile;

import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.Oversight;
import org.clearpath.domain.shared.Role;

/**
 * Who may see and open cases. Deny by default: a supervisor sees the cases of the teams they lead
 * (and of counselors in no team; a director every case: {@link Oversight}), a counselor their own
 * caseload, a client only the case linked to their own login; nobody else sees anything.
 */
public final class CaseAccessPolicy {
  private final Oversight oversight;

  /** An office without teams: every supervisor oversees every case. */
  public CaseAccessPolicy() {
    this(Oversight.NO_TEAMS);
  }

  public CaseAccessPolicy(Oversight oversight) {
    this.oversight = java.util.Objects.requireNonNull(oversight, "oversight");
  }

  /** The teams behind this policy, for lists that must cover the same cases as {@link #toView}. */
  public Oversight oversight() {
    return oversight;
  }

  public CaseAccess toView(Actor actor, CaseFile caseFile) {
    if (actor.is(Role.SUPERVISOR)) {
      return oversight.reachOf(actor).covers(caseFile.counselor())
          ? new CaseAccess.Granted("the case is in the supervisor's teams")
          : new CaseAccess.Denied("the case's counselor is in another supervisor's team");
    }
    if (actor.is(Role.COUNSELOR) && caseFile.isAssignedTo(actor.id())) {
      return new CaseAccess.Granted("the case is in the counselor's caseload");
    }
    if (actor.is(Role.CLIENT) && caseFile.belongsToClient(actor.id())) {
      return new CaseAccess.Granted("it is the client's own case");
    }
    return new CaseAccess.Denied("the case is neither in the actor's caseload nor their own");
  }

  public CaseAccess toOpenCase(Actor actor) {
    if (actor.is(Role.COUNSELOR)) {
      return new CaseAccess.Granted("counselors open cases for their caseload");
    }
    return new CaseAccess.Denied("only counselors open cases");
  }

  /** Changing case data (debts, repayments, legal steps): the case's own counselor. */
  public CaseAccess toChange(Actor actor, CaseFile caseFile) {
    if (actor.is(Role.COUNSELOR) && caseFile.isAssignedTo(actor.id())) {
      return new CaseAccess.Granted("the case is in the counselor's caseload");
    }
    return new CaseAccess.Denied("only the case's counselor changes its data");
  }

  /** Internal notes, audit trail, counselor workings: staff only, never the client. */
  public boolean seesInternals(Actor actor, CaseFile caseFile) {
    return toView(actor, caseFile).granted()
        && (actor.is(Role.SUPERVISOR) || caseFile.isAssignedTo(actor.id()));
  }
}
