package org.clearpath.domain.stage;

import java.time.LocalDate;
import java.util.Objects;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * A legal step against the client, recorded by the counselor with its date: it puts the case in the
 * legal stage from {@code on} until {@code endedOn} (exclusive), when set.
 */
public record LegalMilestone(Kind kind, LocalDate on, LocalDate endedOn) {

  public enum Kind {
    LAWSUIT_FILED,
    JUDGMENT,
    ENFORCEMENT,
    DISHONEST_DEBTOR_LISTING,
    CONSUMPTION_RESTRICTION
  }

  public LegalMilestone {
    Objects.requireNonNull(kind, "kind");
    if (on == null) {
      throw new InvalidInput(
          "on",
          "the date of the legal step is required",
          Message.of("refusal.the-date-of-the-legal-step-is"));
    }
    if (endedOn != null && !endedOn.isAfter(on)) {
      throw new InvalidInput(
          "endedOn",
          "a legal step cannot end before or on the day it began",
          Message.of("refusal.a-legal-step-cannot-end-before-or"));
    }
  }

  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(on) && (endedOn == null || day.isBefore(endedOn));
  }
}
