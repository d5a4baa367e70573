package org.clearpath.domain.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.LenderId;

/**
 * What a counselor writes down about a contact: when, with whom on the lender's side (lender,
 * collection agency or law firm, collector and their number), which debt, direction, channel, whom
 * on the client's side and at which number, whether a call became a conversation, what was said,
 * its outcome and when to follow up. Optional parts are {@code null}.
 */
public record ContactDetails(
    Instant at,
    ZoneId clientZone,
    LenderId lender,
    DebtId debt,
    String agency,
    String collectorName,
    String collectorNumber,
    Direction direction,
    Channel channel,
    Party contacted,
    String contactedNumber,
    boolean conversation,
    String summary,
    Outcome outcome,
    LocalDate followUp) {

  public ContactDetails {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(clientZone, "clientZone");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(contacted, "contacted");
    Objects.requireNonNull(summary, "summary");
    agency = blankToNull(agency);
    collectorName = blankToNull(collectorName);
    collectorNumber = blankToNull(collectorNumber);
    contactedNumber = blankToNull(contactedNumber);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
