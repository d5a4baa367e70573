package org.clearpath.domain.harassment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.contact.ThirdPartyPurpose;
import org.clearpath.domain.debt.Lender;
import org.clearpath.domain.debt.LenderKind;

/**
 * What the rules need to know of one contact-log entry: when it happened and in which time zone the
 * client lives (rules speak of the client's local time), who initiated it, by which channel, whom
 * it reached, which number was called, which debt it was about, whether a call became a
 * conversation, and the lender it was for (id, name and kind; {@code null} when nobody wrote it
 * down): packs govern a contact by its lender's kind, and some rules count per lender. For a third
 * party: what the collector did with them ({@code null}: not known) and whether they asked not to
 * be contacted again.
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
    boolean conversation,
    String lenderRef,
    String lenderName,
    LenderKind lenderKind,
    ThirdPartyPurpose thirdPartyPurpose,
    boolean askedToStop,
    LocalDateTime local) {

  /** {@code local} is the client's wall-clock time, worked out once (rules ask for it often). */
  public CollectionContact(
      String entryId,
      Instant at,
      ZoneId clientZone,
      Direction direction,
      Channel channel,
      Party contacted,
      String calledNumber,
      String debtRef,
      boolean conversation) {
    this(
        entryId,
        at,
        clientZone,
        direction,
        channel,
        contacted,
        calledNumber,
        debtRef,
        conversation,
        null,
        null,
        null);
  }

  /** A contact for a lender: its id, name and kind. */
  public CollectionContact(
      String entryId,
      Instant at,
      ZoneId clientZone,
      Direction direction,
      Channel channel,
      Party contacted,
      String calledNumber,
      String debtRef,
      boolean conversation,
      String lenderRef,
      String lenderName,
      LenderKind lenderKind) {
    this(
        entryId,
        at,
        clientZone,
        direction,
        channel,
        contacted,
        calledNumber,
        debtRef,
        conversation,
        lenderRef,
        lenderName,
        lenderKind,
        null,
        false,
        null);
  }

  /**
   * What the rules see of a logged contact. A call with no number written down counts against the
   * party called ("the client's phone"); a contact with no debt counts against its lender, since
   * collectors call about whatever the client owes them.
   */
  public static CollectionContact of(ContactEntry entry, Lender lender) {
    var d = entry.details();
    var number = d.contactedNumber() != null ? d.contactedNumber() : "(" + d.contacted() + ")";
    String debtRef =
        d.debt() != null ? d.debt().toString() : d.lender() != null ? "lender " + d.lender() : null;
    return new CollectionContact(
        entry.id().toString(),
        d.at(),
        d.clientZone(),
        d.direction(),
        d.channel(),
        d.contacted(),
        number,
        debtRef,
        d.conversation(),
        d.lender() == null ? null : d.lender().toString(),
        lender == null ? null : lender.name(),
        lender == null ? null : lender.kind(),
        d.thirdPartyPurpose(),
        d.thirdPartyAskedToStop(),
        null);
  }

  public CollectionContact {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(clientZone, "clientZone");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(contacted, "contacted");
    local = LocalDateTime.ofInstant(at, clientZone); // derived: never out of step with at
  }

  /** Contact made by the lender's side: what collection rules are about. */
  public boolean byCollector() {
    return direction == Direction.INBOUND;
  }

  public boolean isCall() {
    return channel == Channel.PHONE;
  }

  public LocalDate localDay() {
    return local.toLocalDate();
  }

  public LocalTime localTime() {
    return local.toLocalTime();
  }
}
