package org.clearpath.domain.stage;

import java.util.List;
import org.clearpath.domain.shared.CaseId;

/** The legal steps recorded on cases. Implemented in {@code persistence}. */
public interface LegalMilestones {

  void add(CaseId caseId, LegalMilestone milestone);

  /** A case's legal steps, oldest first. */
  List<LegalMilestone> ofCase(CaseId caseId);
}
