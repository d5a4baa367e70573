package org.clearpath.domain.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * What a counselor writes down about a contact: when, with whom on the lender's side (lender,
 * collection agency or law firm, collector and their number), which debt, direction, channel, whom
 * on the client's side and at which number, whether a call became a conversation, what was said,
 * its outcome and when to follow up; for a third party, what the collector did with them and
 * whether they asked not to be contacted again. Optional parts are {@code null}.
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
    LocalDate followUp,
    ThirdPartyPurpose thirdPartyPurpose,
    boolean thirdPartyAskedToStop) {

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
    if (!contacted.isThirdParty() && thirdPartyPurpose != null) {
      throw new InvalidInput(
          "thirdPartyPurpose",
          "only a contact with a third party has one",
          Message.of("input.third-party-only"));
    }
    if (!contacted.isThirdParty() && thirdPartyAskedToStop) {
      throw new InvalidInput(
          "thirdPartyAskedToStop",
          "only a contact with a third party has one",
          Message.of("input.third-party-only"));
    }
  }

  /** A contact without what a third party was told (not known, or the client was contacted). */
  public ContactDetails(
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
    this(
        at,
        clientZone,
        lender,
        debt,
        agency,
        collectorName,
        collectorNumber,
        direction,
        channel,
        contacted,
        contactedNumber,
        conversation,
        summary,
        outcome,
        followUp,
        null,
        false);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
