package org.clearpath.domain.wellbeing;

import java.util.List;
import org.clearpath.domain.shared.CaseId;

/** Every wellbeing check, append-only. Implemented in persistence. */
public interface WellbeingChecks {

  void add(WellbeingCheck check);

  /** A case's checks, newest first. */
  List<WellbeingCheck> ofCase(CaseId caseId);
}
