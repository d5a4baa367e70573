package org.clearpath.domain.day;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Objects;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;

/**
 * Use case: "My day", a counselor's home. Follow-ups due today or overdue, open tasks, what the
 * rules found and nobody has flagged or dismissed yet, incidents the client reported, instalments
 * due in the next week, and cases nobody has contacted for a while; for a supervisor the same
 * across their teams' cases (a director's: every case), and the complaints, approvals and reviews
 * waiting for them. Each section counts everything and lists the first {@link #LISTED}.
 */
public final class PlanningTheDay {
  public static final int LISTED = 20;
  public static final int DEFAULT_QUIET_DAYS = 14;
  public static final int INSTALMENT_DAYS = 7;

  /** Findings are those of the cases contacted in this time. */
  static final Duration FINDINGS_LOOK_BACK = Duration.ofDays(14);

  private final DayQueue queue;
  private final Clock clock;

  private final org.clearpath.domain.supervision.ReviewIntervals intervals;
  private final org.clearpath.domain.shared.Oversight oversight;

  public PlanningTheDay(
      DayQueue queue,
      Clock clock,
      org.clearpath.domain.supervision.ReviewIntervals intervals,
      org.clearpath.domain.shared.Oversight oversight) {
    this.oversight = Objects.requireNonNull(oversight, "oversight");
    this.intervals = Objects.requireNonNull(intervals, "intervals");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public MyDay of(Actor actor, LocalDate today, Integer quietDays) {
    var supervisor = actor.is(Role.SUPERVISOR);
    if (!supervisor && !actor.is(Role.COUNSELOR)) {
      throw new NotPermitted("the day's work is for counselors and supervisors");
    }
    var days = quietDays == null ? DEFAULT_QUIET_DAYS : quietDays;
    if (days < 1 || days > 365) {
      throw new InvalidInput(
          "quietDays",
          "a whole number from 1 to 365",
          Message.of("input.whole-number", "min", 1, "max", 365));
    }
    // a supervisor's day covers their teams' cases (a director's every case)
    var reach =
        supervisor
            ? oversight.reachOf(actor)
            : org.clearpath.domain.shared.Reach.caseload(actor.id());
    var sections = new ArrayList<DaySection>();
    sections.add(queue.crises(reach, LISTED));
    sections.add(queue.followUps(reach, today, LISTED));
    sections.add(queue.tasks(reach, LISTED));
    sections.add(findings(reach));
    sections.add(queue.incidents(reach, LISTED));
    sections.add(queue.instalments(reach, today, today.plusDays(INSTALMENT_DAYS), LISTED));
    sections.add(queue.quiet(reach, today, days, LISTED));
    if (supervisor) {
      sections.add(queue.complaintsToReview(reach, LISTED));
      sections.add(queue.approvalsPending(reach, LISTED));
      sections.add(queue.reviewsDue(reach, today, intervals, LISTED));
      sections.add(queue.erasuresWaiting(reach, LISTED));
    }
    return new MyDay(today, days, sections);
  }

  private DaySection findings(org.clearpath.domain.shared.Reach reach) {
    return queue.findings(reach, clock.instant().minus(FINDINGS_LOOK_BACK), LISTED);
  }
}
