package org.clearpath.domain.day;

import java.util.List;
import java.util.Objects;

/** How many things of one kind wait, and the first of them in the order to act on them. */
public record DaySection(Kind kind, int total, List<DayItem> items) {
  public enum Kind {
    /** a wellbeing check's crisis answer, not yet acted on: first, for the supervisor above all */
    CRISIS,
    /** the case's last contact asked for a follow-up on or before today */
    FOLLOW_UP,
    /** an open task: a missed instalment or a broken plan */
    TASK,
    /** what a rule found in the contact log, not yet flagged or dismissed */
    FINDING,
    /** an incident the client reported, still open */
    INCIDENT,
    /** a plan instalment due within the next days, not yet paid in full */
    INSTALMENT,
    /** an open case with no contact for the given number of days */
    QUIET,
    /** a complaint drafted and waiting for a supervisor's review */
    COMPLAINT_REVIEW,
    /** a plan proposal waiting for a supervisor's approval */
    PLAN_APPROVAL,
    /** a case due (or overdue) for a supervisor's review */
    REVIEW,
    /** the erasure of a case asked for (by its client or counselor), waiting for a supervisor */
    ERASURE
  }

  public DaySection {
    Objects.requireNonNull(kind, "kind");
    items = List.copyOf(items);
  }
}
