package org.clearpath.domain.casefile;

import java.util.List;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.Role;

/** Use case: whoever is logged in looks at the cases they are allowed to see. */
public final class ViewingCases {
  private final CaseFiles caseFiles;
  private final CaseAccessPolicy policy;

  public ViewingCases(CaseFiles caseFiles, CaseAccessPolicy policy) {
    this.caseFiles = caseFiles;
    this.policy = policy;
  }

  /** Supervisors: every case. Counselors: their caseload. Clients: their own case. */
  public List<CaseFile> visibleTo(Actor actor) {
    if (actor.is(Role.SUPERVISOR)) {
      return caseFiles.all();
    }
    if (actor.is(Role.COUNSELOR)) {
      return caseFiles.assignedTo(actor.id());
    }
    if (actor.is(Role.CLIENT)) {
      return caseFiles.ofClient(actor.id());
    }
    return List.of();
  }

  /** One case, or {@link NotFound} when it does not exist or the actor may not see it. */
  public CaseFile get(CaseId id, Actor actor) {
    return caseFiles
        .find(id)
        .filter(caseFile -> policy.toView(actor, caseFile).granted())
        .orElseThrow(() -> new NotFound("case " + id));
  }
}
