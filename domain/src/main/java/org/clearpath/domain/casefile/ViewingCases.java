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
  private final GuardedCases guarded;

  public ViewingCases(CaseFiles caseFiles, CaseAccessPolicy policy, GuardedCases guarded) {
    this.caseFiles = caseFiles;
    this.policy = policy;
    this.guarded = guarded;
  }

  /**
   * A page of what the actor may see: supervisors their teams' caseloads (or one counselor's),
   * directors every caseload, counselors only their own whatever they ask, clients their own cases,
   * anyone else nothing.
   */
  public CasePage page(CaseQuery query, Actor actor) {
    if (actor.is(Role.SUPERVISOR)) {
      return searched(
          caseFiles.page(query.within(policy.oversight().reachOf(actor))), query, actor);
    }
    if (actor.is(Role.COUNSELOR)) {
      return searched(caseFiles.page(query.ofCounselor(actor.id())), query, actor);
    }
    if (actor.is(Role.CLIENT)) {
      var own = caseFiles.ofClient(actor.id());
      return new CasePage(own.stream().map(CaseSummary::of).toList(), own.size());
    }
    return new CasePage(List.of(), 0);
  }

  /**
   * A search by what could be a phone or ID number (digits, or digits and letters) finds clients by
   * their identifiers: the access log keeps who found each case so (not the number searched).
   */
  private CasePage searched(CasePage page, CaseQuery query, Actor actor) {
    // a name of Latin letters can look like an ID number: a number has a digit
    var byNumber =
        query.searchedPhone().isPresent()
            || query
                .searchedIdNumber()
                .filter(t -> t.chars().anyMatch(Character::isDigit))
                .isPresent();
    if (byNumber) {
      for (var found : page.cases()) {
        guarded.read(
            found.id(), actor, org.clearpath.domain.audit.AccessEntry.Access.SEARCH_NUMBER);
      }
    }
    return page;
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
    return guarded.visible(id, actor);
  }
}
