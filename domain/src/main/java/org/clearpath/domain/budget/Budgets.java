package org.clearpath.domain.budget;

import java.util.List;
import java.util.Optional;
import org.clearpath.domain.shared.CaseId;

/** Budget versions of every case. Implemented in persistence. */
public interface Budgets {

  /**
   * Stores a new version; throws {@link org.clearpath.domain.shared.StaleVersion} when that version
   * of the case's budget exists already (someone saved in the meantime).
   */
  void add(Budget budget);

  Optional<Budget> latest(CaseId caseId);

  /** Every version, newest first. */
  List<Budget> history(CaseId caseId);
}
