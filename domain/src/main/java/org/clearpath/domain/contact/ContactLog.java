package org.clearpath.domain.contact;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;

/** The contact log of every case; entries are only ever appended. Implemented in persistence. */
public interface ContactLog {

  /**
   * Appends an entry. A correction of an entry that has already been corrected is refused with
   * {@link org.clearpath.domain.shared.StaleVersion}: corrections form a single line.
   */
  void append(ContactEntry entry);

  Optional<ContactEntry> find(UUID id);

  /** Every entry of a case, corrected ones included, in the order they were written. */
  List<ContactEntry> ofCase(CaseId caseId);

  /** The entries of each of these cases, as {@link #ofCase} gives them, in one read. */
  default java.util.Map<CaseId, List<ContactEntry>> ofCases(java.util.Collection<CaseId> caseIds) {
    var found = new java.util.LinkedHashMap<CaseId, List<ContactEntry>>();
    for (var caseId : caseIds) {
      found.put(caseId, ofCase(caseId));
    }
    return found;
  }
}
