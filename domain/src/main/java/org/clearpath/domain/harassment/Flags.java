package org.clearpath.domain.harassment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;

/** Harassment flags with the evidence they gather. Implemented in persistence. */
public interface Flags {

  void add(Flag flag);

  Optional<Flag> find(UUID id);

  /** A case's flags, newest first. */
  List<Flag> ofCase(CaseId caseId);

  /**
   * The keys of the findings that flags (open or dismissed) already cover, per case, in one read.
   */
  default java.util.Map<CaseId, java.util.Set<String>> findingKeysOf(
      java.util.Collection<CaseId> caseIds) {
    var found = new java.util.LinkedHashMap<CaseId, java.util.Set<String>>();
    for (var caseId : caseIds) {
      found.put(
          caseId,
          ofCase(caseId).stream()
              .map(Flag::findingKey)
              .filter(java.util.Objects::nonNull)
              .collect(java.util.stream.Collectors.toSet()));
    }
    return found;
  }

  /** Dismisses the flag if it is still at {@code expectedVersion}, else StaleVersion. */
  void dismiss(UUID id, String reason, long expectedVersion);
}
