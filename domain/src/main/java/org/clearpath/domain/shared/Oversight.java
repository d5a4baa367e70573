package org.clearpath.domain.shared;

import java.util.Set;

/**
 * Which cases a supervisor oversees, from the office's teams: a supervisor oversees the counselors
 * of the teams they lead and every counselor in no team; a director oversees everyone; while the
 * office has no teams, every supervisor oversees everyone.
 */
public interface Oversight {
  /** An office without teams: every supervisor oversees every case. */
  Oversight NO_TEAMS = supervisor -> Set.of();

  /** The counselors in teams this supervisor does not lead (and in none they lead). */
  Set<UserId> outsideTheTeamsOf(UserId supervisor);

  /**
   * The actor's reach over cases: a director's is every case, a supervisor's their teams' (see
   * {@link Reach.AllBut}), a counselor's their own caseload; anyone else has none ({@link
   * NotPermitted}).
   */
  default Reach reachOf(Actor actor) {
    if (actor.is(Role.DIRECTOR)) {
      return Reach.everyone();
    }
    if (actor.is(Role.SUPERVISOR)) {
      return Reach.allBut(outsideTheTeamsOf(actor.id()));
    }
    if (actor.is(Role.COUNSELOR)) {
      return Reach.caseload(actor.id());
    }
    throw new NotPermitted("cases are reached by counselors and supervisors");
  }
}
