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

  /** Dismisses the flag if it is still at {@code expectedVersion}, else StaleVersion. */
  void dismiss(UUID id, String reason, long expectedVersion);
}
