package org.clearpath.domain.casefile;

import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.Role;

/**
 * Who may see and open cases. Deny by default: a supervisor sees every case, a counselor their own
 * caseload, a client only the case linked to their own login; nobody else sees anything.
 */
public final class CaseAccessPolicy {

  public CaseAccess toView(Actor actor, CaseFile caseFile) {
    if (actor.is(Role.SUPERVISOR)) {
      return new CaseAccess.Granted("supervisors review every caseload");
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
