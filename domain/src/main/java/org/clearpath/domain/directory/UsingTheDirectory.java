package org.clearpath.domain.directory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.audit.OfficeAuditEntry;
import org.clearpath.domain.audit.OfficeAuditTrail;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.Transactions;

/**
 * Use case: staff read the collector directory; its counts are across the office, the cases behind
 * an entry only those the reader may see (a counselor: their own). A supervisor merges two entries
 * that are one collector, audited. Clients have no part in it.
 */
public final class UsingTheDirectory {
  public static final int MAX_PAGE = 100;
  private final CollectorDirectory directory;
  private final OfficeAuditTrail audit;
  private final Transactions transactions;
  private final Clock clock;
  private final String region;

  /**
   * @param region where the office is (e.g. CN), for numbers written without a country code
   */
  private final org.clearpath.domain.shared.Oversight oversight;

  public UsingTheDirectory(
      CollectorDirectory directory,
      OfficeAuditTrail audit,
      Transactions transactions,
      Clock clock,
      String region,
      org.clearpath.domain.shared.Oversight oversight) {
    this.oversight = java.util.Objects.requireNonNull(oversight, "oversight");
    this.directory = directory;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.region = region;
  }

  private static void staff(Actor actor) {
    if (!actor.is(Role.COUNSELOR) && !actor.is(Role.SUPERVISOR)) {
      throw new NotPermitted("the collector directory is for staff");
    }
  }

  private static int size(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInput(
          "size",
          "a page holds 1 to " + MAX_PAGE + " entries",
          Message.of("input.whole-number", "min", 1, "max", MAX_PAGE));
    }
    return limit;
  }

  public CollectorDirectory.Slice<DirectoryEntry> page(
      Actor actor, DirectoryEntry.Kind kind, String text, int offset, int limit) {
    staff(actor);
    var matching = text == null || text.isBlank() ? null : text.strip();
    if (matching != null && matching.length() > 100) {
      throw new InvalidInput(
          "q", "at most 100 characters", Message.of("input.max-length", "max", 100));
    }
    return directory.page(kind, matching, Math.max(0, offset), size(limit));
  }

  public DirectoryEntry entry(Actor actor, UUID id) {
    staff(actor);
    return directory.find(id).orElseThrow(() -> new NotFound("directory entry " + id));
  }

  /**
   * The cases behind an entry that the actor may see: a supervisor their teams', a counselor their
   * own.
   */
  public CollectorDirectory.Slice<CollectorDirectory.Reached> reached(
      Actor actor, UUID id, int offset, int limit) {
    staff(actor);
    var size = size(limit);
    return transactions.readOnly(
        () -> {
          var entry = directory.find(id).orElseThrow(() -> new NotFound("directory entry " + id));
          return directory.reached(entry.id(), oversight.reachOf(actor), Math.max(0, offset), size);
        });
  }

  /** What the office knows of a number: the agency and lender its contacts named most often. */
  public Optional<CollectorDirectory.Known> known(Actor actor, String number) {
    staff(actor);
    var key = CollectorKeys.number(number, region);
    return key == null ? Optional.empty() : directory.known(key.key());
  }

  /** A supervisor makes {@code from} part of {@code into}; both must be of one kind. */
  public DirectoryEntry merge(Actor actor, UUID from, UUID into, long version) {
    if (!actor.is(Role.SUPERVISOR)) {
      throw new NotPermitted("only a supervisor merges directory entries");
    }
    return transactions.inOne(
        () -> {
          var source =
              directory.find(from).orElseThrow(() -> new NotFound("directory entry " + from));
          var target =
              directory.find(into).orElseThrow(() -> new NotFound("directory entry " + into));
          if (source.id().equals(target.id())) {
            throw new InvalidInput(
                "into", "an entry cannot be merged into itself", Message.of("input.merge-itself"));
          }
          if (source.kind() != target.kind()) {
            throw new InvalidInput(
                "into",
                "an agency merges with an agency, a number with a number",
                Message.of("input.merge-kind"));
          }
          directory.merge(source.id(), target.id(), version);
          audit.record(
              new OfficeAuditEntry(
                  actor.id(),
                  actor.username(),
                  "directory.merged",
                  Map.of(
                      "kind", source.kind().name(),
                      "from", source.label(),
                      "into", target.label(),
                      "fromId", source.id().toString(),
                      "intoId", target.id().toString()),
                  clock.instant()));
          return directory.find(target.id()).orElseThrow();
        });
  }
}
