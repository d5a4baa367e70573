package org.clearpath.domain.casefile;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A case's client record as the case holds it: the time zone and jurisdiction at hand, the rest
 * (sealed where it is stored) opened the first time someone asks for it. Most of what is done on a
 * case needs the zone and jurisdiction at most, so most requests never open the record.
 */
public final class RecordOnDemand {
  private final String zone;
  private final String jurisdiction;
  private final Supplier<ClientRecord> opening;
  // opened at most once per case read; two threads opening it at once get equal records
  private volatile ClientRecord opened;

  private RecordOnDemand(
      String zone, String jurisdiction, Supplier<ClientRecord> opening, ClientRecord opened) {
    this.zone = zone;
    this.jurisdiction = jurisdiction;
    this.opening = opening;
    this.opened = opened;
  }

  /** A record already at hand. */
  public static RecordOnDemand of(ClientRecord record) {
    var at = record == null ? ClientRecord.EMPTY : record;
    return new RecordOnDemand(at.zone(), at.jurisdiction(), null, at);
  }

  /**
   * A record whose zone and jurisdiction are known and whose other fields {@code opening} gives;
   * the record it gives must have that zone and jurisdiction.
   */
  public static RecordOnDemand opening(
      String zone, String jurisdiction, Supplier<ClientRecord> opening) {
    return new RecordOnDemand(zone, jurisdiction, Objects.requireNonNull(opening, "opening"), null);
  }

  /** The whole record: opened now if it was not yet. */
  public ClientRecord record() {
    var record = opened;
    if (record == null) {
      record = opening.get();
      opened = record;
    }
    return record;
  }

  /** Whether the whole record has been opened (or was at hand). */
  public boolean isOpen() {
    return opened != null;
  }

  public String zone() {
    return zone;
  }

  public String jurisdiction() {
    return jurisdiction;
  }

  /** The jurisdiction whose rules judge the client's case: its own, else the office's. */
  public String jurisdictionOr(String office) {
    return jurisdiction == null ? office : jurisdiction;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordOnDemand that && record().equals(that.record());
  }

  @Override
  public int hashCode() {
    return record().hashCode();
  }

  @Override
  public String toString() {
    return isOpen() ? record().toString() : "ClientRecord[not opened]";
  }
}
