package org.clearpath.domain.plan;

/** Where an instalment stands on a day, from the payments recorded. */
public enum InstalmentState {
  /** Not due yet, nothing paid. */
  UPCOMING,
  /** Partly paid, not due yet (or due today). */
  PARTLY_PAID,
  /** Paid in full on or before its due date. */
  PAID,
  /** Paid in full, but after its due date. */
  PAID_LATE,
  /** Its due date has passed and it is not paid in full. */
  MISSED
}
