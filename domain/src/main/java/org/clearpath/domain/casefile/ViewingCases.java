package org.clearpath.domain.casefile;

import java.util.List;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
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

  /**
   * A page of what the actor may see: supervisors their teams' caseloads (or one counselor's),
   * directors every caseload, counselors only their own whatever they ask, clients their own cases,
   * anyone else nothing.
   */
  public CasePage page(CaseQuery query, Actor actor) {
    if (actor.is(Role.SUPERVISOR)) {
      return caseFiles.page(query.within(policy.oversight().reachOf(actor)));
    }
    if (actor.is(Role.COUNSELOR)) {
      return caseFiles.page(query.ofCounselor(actor.id()));
    }
    if (actor.is(Role.CLIENT)) {
      var own = caseFiles.ofClient(actor.id());
      return new CasePage(own.stream().map(CaseSummary::of).toList(), own.size());
    }
    return new CasePage(List.of(), 0);
  }

  /** Cases per counselor and stage: supervisors only. */
  public List<StageCount> counts(Actor actor) {
    if (!actor.is(Role.SUPERVISOR)) {
      throw new org.clearpath.domain.shared.NotPermitted("only supervisors see every caseload");
    }
    return caseFiles.countsByCounselorAndStage();
  }

  /** One case, or {@link NotFound} when it does not exist or the actor may not see it. */
  public CaseFile get(CaseId id, Actor actor) {
    return caseFiles
        .find(id)
        .filter(caseFile -> policy.toView(actor, caseFile).granted())
        .orElseThrow(() -> new NotFound("case " + id));
  }
}
