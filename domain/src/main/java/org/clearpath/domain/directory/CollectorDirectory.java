package org.clearpath.domain.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;

/**
 * The directory as it is kept: entries are added and linked to contacts as contacts are logged (by
 * the contact log's store, in the same transaction); this port reads them and merges them.
 */
public interface CollectorDirectory {

  /** One page of a longer list, and how long the list is. */
  record Slice<T>(List<T> items, long total) {
    public Slice {
      items = List.copyOf(items);
    }
  }

  /** A page of entries of one kind, most clients reached first, optionally matching a text. */
  Slice<DirectoryEntry> page(DirectoryEntry.Kind kind, String text, int offset, int limit);

  /** The entry (an entry merged into another is found as that other). */
  Optional<DirectoryEntry> find(UUID id);

  /** A case the entry reached: how often and when last. */
  record Reached(
      CaseId caseId, String clientName, String counselorName, int contacts, Instant last) {}

  /**
   * The cases the entry reached within the viewer's reach (a counselor's caseload, a supervisor's
   * teams), most recent first.
   */
  Slice<Reached> reached(UUID id, org.clearpath.domain.shared.Reach reach, int offset, int limit);

  /** What contacts from a number said most often: its agency and lender. */
  record Known(String agency, String lenderId, String lenderName, int contacts) {}

  Optional<Known> known(String numberKey);

  /**
   * {@code from} becomes part of {@code into}: its contacts and counts go with it, and it no longer
   * shows on its own.
   *
   * @throws org.clearpath.domain.shared.StaleVersion when {@code into} changed since {@code
   *     version}
   */
  void merge(UUID from, UUID into, long version);
}
