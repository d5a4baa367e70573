package org.clearpath.domain.day;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clearpath.domain.harassment.Flagging;
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

  /** Findings are worked out from the logs of the cases contacted in this time. */
  static final Duration FINDINGS_LOOK_BACK = Duration.ofDays(14);

  /** …and at most this many of them, most recently contacted first. */
  static final int FINDINGS_CASES = 200;

  /** …whose logs are read and judged this many cases at a time. */
  static final int FINDINGS_AT_A_TIME = 50;

  private final DayQueue queue;
  private final Flagging flagging;
  private final Clock clock;

  private final org.clearpath.domain.supervision.ReviewIntervals intervals;
  private final org.clearpath.domain.shared.Oversight oversight;

  public PlanningTheDay(
      DayQueue queue,
      Flagging flagging,
      Clock clock,
      org.clearpath.domain.supervision.ReviewIntervals intervals,
      org.clearpath.domain.shared.Oversight oversight) {
    this.oversight = Objects.requireNonNull(oversight, "oversight");
    this.intervals = Objects.requireNonNull(intervals, "intervals");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.flagging = Objects.requireNonNull(flagging, "flagging");
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
    sections.add(findings(actor, reach));
    sections.add(queue.incidents(reach, LISTED));
    sections.add(queue.instalments(reach, today, today.plusDays(INSTALMENT_DAYS), LISTED));
    sections.add(queue.quiet(reach, today, days, LISTED));
    if (supervisor) {
      sections.add(queue.complaintsToReview(reach, LISTED));
      sections.add(queue.approvalsPending(reach, LISTED));
      sections.add(queue.reviewsDue(reach, today, intervals, LISTED));
    }
    return new MyDay(today, days, sections);
  }

  private DaySection findings(Actor actor, org.clearpath.domain.shared.Reach reach) {
    var since = clock.instant().minus(FINDINGS_LOOK_BACK);
    var items = new ArrayList<DayItem>();
    var contactedCases = queue.recentlyContacted(reach, since, FINDINGS_CASES);
    // a few cases' logs at a time: only their findings are kept, so one request holds some
    // hundred entries, not every entry of 200 cases (50 counselors at once would hold 200 MB)
    for (int from = 0; from < contactedCases.size(); from += FINDINGS_AT_A_TIME) {
      var some =
          contactedCases.subList(from, Math.min(contactedCases.size(), from + FINDINGS_AT_A_TIME));
      collectFindings(
          some, flagging.unflagged(some.stream().map(DayItem::caseId).toList(), actor), items);
    }
    items.sort(java.util.Comparator.comparing(DayItem::on).reversed());
    return new DaySection(
        DaySection.Kind.FINDING, items.size(), items.subList(0, Math.min(LISTED, items.size())));
  }

  private static void collectFindings(
      List<DayItem> contactedCases,
      Map<org.clearpath.domain.shared.CaseId, List<org.clearpath.domain.harassment.Finding>>
          unflagged,
      List<DayItem> items) {
    for (var contacted : contactedCases) {
      for (var finding : unflagged.getOrDefault(contacted.caseId(), List.of())) {
        var params = new java.util.TreeMap<String, String>(finding.why().params());
        params.put("code", finding.why().code());
        params.put("kind", finding.kind().name());
        params.put("rule", finding.rule());
        items.add(
            new DayItem(
                contacted.caseId(),
                contacted.clientName(),
                contacted.counselorName(),
                finding.to(),
                Map.copyOf(params)));
      }
    }
  }
}
