package org.clearpath.domain.audit;

import java.util.List;
import org.clearpath.domain.shared.CaseId;

/** The append-only record of every change to case data. */
public interface AuditTrail {

  void record(AuditEntry entry);

  /** A case's audit entries, oldest first. */
  List<AuditEntry> ofCase(CaseId caseId);
}
