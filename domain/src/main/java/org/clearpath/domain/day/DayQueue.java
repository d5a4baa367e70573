package org.clearpath.domain.day;

import java.time.Instant;
import java.time.LocalDate;
import org.clearpath.domain.shared.Reach;

/**
 * Where the day's work is found, counted and listed by the database, within a {@link Reach}: a
 * counselor's caseload, a supervisor's teams, or every case. Closed cases are left out.
 */
public interface DayQueue {
  DaySection followUps(Reach reach, LocalDate today, int limit);

  DaySection tasks(Reach reach, int limit);

  /** Open crisis tasks from wellbeing checks (on the counselor's cases, or every case). */
  DaySection crises(Reach reach, int limit);

  DaySection incidents(Reach reach, int limit);

  DaySection instalments(Reach reach, LocalDate from, LocalDate until, int limit);

  DaySection quiet(Reach reach, LocalDate today, int days, int limit);

  DaySection complaintsToReview(Reach reach, int limit);

  /**
   * Open cases due for a supervisor's review on or before {@code today} (their last review, or
   * their opening, plus their stage's interval), longest overdue first.
   */
  DaySection reviewsDue(
      Reach reach,
      LocalDate today,
      org.clearpath.domain.supervision.ReviewIntervals intervals,
      int limit);

  /** Proposals waiting for a supervisor's approval, oldest first. */
  DaySection approvalsPending(Reach reach, int limit);

  /** Erasures asked for and not yet decided, oldest first (parameter as: CLIENT or COUNSELOR). */
  DaySection erasuresWaiting(Reach reach, int limit);

  /**
   * What the harassment rules found (the findings kept beside each case) that no flag covers yet,
   * neither raised nor dismissed, in the open cases (not closed or resolved) contacted since then:
   * latest finding first (on: its last day; parameters: the finding's message with its code, kind
   * and rule).
   */
  DaySection findings(Reach reach, Instant contactedSince, int limit);
}
