package org.clearpath.domain.harassment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the rules need to know of one contact-log entry: when it happened and in which time zone the
 * client lives (rules speak of the client's local time), who initiated it, by which channel, whom
 * it reached, which number was called, which debt it was about, and whether a call became a
 * conversation.
 */
public record CollectionContact(
    String entryId,
    Instant at,
    ZoneId clientZone,
    Direction direction,
    Channel channel,
    Party contacted,
    String calledNumber,
    String debtRef,
    boolean conversation) {

  public enum Direction {
    /** From the lender or collector to the client's side: collection contact. */
    INBOUND,
    /** From the client or counselor to the lender. */
    OUTBOUND
  }

  public enum Channel {
    PHONE,
    SMS,
    EMAIL,
    APP_MESSAGE,
    LETTER,
    VISIT,
    IN_PERSON,
    MESSAGING_APP
  }

  public enum Party {
    CLIENT,
    FAMILY,
    EMPLOYER,
    FRIEND_OR_CONTACT,
    OTHER_THIRD_PARTY;

    public boolean isThirdParty() {
      return this != CLIENT;
    }
  }

  public CollectionContact {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(clientZone, "clientZone");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(contacted, "contacted");
  }

  /** Contact made by the lender's side: what collection rules are about. */
  public boolean byCollector() {
    return direction == Direction.INBOUND;
  }

  public boolean isCall() {
    return channel == Channel.PHONE;
  }

  public LocalDate localDay() {
    return at.atZone(clientZone).toLocalDate();
  }

  public LocalTime localTime() {
    return at.atZone(clientZone).toLocalTime();
  }
}
