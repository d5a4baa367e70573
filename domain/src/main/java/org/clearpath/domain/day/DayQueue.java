package org.clearpath.domain.day;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clearpath.domain.shared.UserId;

/**
 * Where the day's work is found, counted and listed by the database. {@code counselor} narrows
 * every answer to that counselor's cases; null means every case (a supervisor's reach). Closed
 * cases are left out.
 */
public interface DayQueue {
  DaySection followUps(UserId counselor, LocalDate today, int limit);

  DaySection tasks(UserId counselor, int limit);

  /** Open crisis tasks from wellbeing checks (on the counselor's cases, or every case). */
  DaySection crises(UserId counselor, int limit);

  DaySection incidents(UserId counselor, int limit);

  DaySection instalments(UserId counselor, LocalDate from, LocalDate until, int limit);

  DaySection quiet(UserId counselor, LocalDate today, int days, int limit);

  DaySection complaintsToReview(int limit);

  /**
   * Open cases due for a supervisor's review on or before {@code today} (their last review, or
   * their opening, plus their stage's interval), longest overdue first.
   */
  DaySection reviewsDue(
      LocalDate today, org.clearpath.domain.supervision.ReviewIntervals intervals, int limit);

  /** Proposals waiting for a supervisor's approval, oldest first. */
  DaySection approvalsPending(int limit);

  /**
   * The open cases (not closed or resolved) contacted since then, most recently contacted first
   * (on: the day of their latest contact).
   */
  List<DayItem> recentlyContacted(UserId counselor, Instant since, int limit);
}
