package org.clearpath.domain.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;

/**
 * One entry of a case's contact log. Never changed once written: {@code corrects} names the entry
 * this one replaces, with the reason. {@code at} is the instant; {@code clientZone} the zone the
 * client lived in, so "22:30 local time" stays true whatever the server's zone.
 */
public record ContactEntry(
    UUID id,
    CaseId caseId,
    ContactDetails details,
    UUID corrects,
    String correctionReason,
    UserId recordedBy,
    String recordedByName,
    Instant recordedAt) {

  public ContactEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(recordedBy, "recordedBy");
    Objects.requireNonNull(recordedByName, "recordedByName");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (corrects != null && (correctionReason == null || correctionReason.isBlank())) {
      throw new IllegalArgumentException("a correction states its reason");
    }
  }

  public Instant at() {
    return details.at();
  }

  public ZoneId clientZone() {
    return details.clientZone();
  }

  public LocalDate localDay() {
    return details.at().atZone(details.clientZone()).toLocalDate();
  }

  /** The entries that stand: those no later entry corrects, ordered by when they happened. */
  public static List<ContactEntry> current(List<ContactEntry> log) {
    Set<UUID> corrected =
        log.stream()
            .map(ContactEntry::corrects)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    return log.stream()
        .filter(entry -> !corrected.contains(entry.id()))
        .sorted(
            java.util.Comparator.comparing(ContactEntry::at)
                .thenComparing(ContactEntry::recordedAt))
        .toList();
  }

  /**
   * The given entries together with every entry they correct, directly or through earlier
   * corrections: what an entry's evidence and history are made of.
   */
  public static Set<UUID> withCorrected(List<ContactEntry> log, java.util.Collection<UUID> ids) {
    var corrects = new java.util.HashMap<UUID, UUID>();
    log.forEach(
        entry -> {
          if (entry.corrects() != null) {
            corrects.put(entry.id(), entry.corrects());
          }
        });
    var all = new java.util.LinkedHashSet<UUID>();
    for (var id : ids) {
      for (var at = id; at != null && all.add(at); at = corrects.get(at)) {
        // follow the line of corrections back to the original entry
      }
    }
    return all;
  }
}
