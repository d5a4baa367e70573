package org.clearpath.domain.stage;

import java.util.List;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Stage;

/** Ticked-off checklist items per case. Implemented in {@code persistence}. */
public interface ChecklistTicks {

  List<ChecklistTick> ofCase(CaseId caseId);

  /** Ticks the item; ticking it again changes nothing. Returns whether it was new. */
  boolean tick(CaseId caseId, ChecklistTick tick);

  /** Unticks the item. Returns whether it had been ticked. */
  boolean untick(CaseId caseId, Stage stage, String item);
}
