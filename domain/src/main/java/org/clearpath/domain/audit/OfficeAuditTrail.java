package org.clearpath.domain.audit;

import java.util.List;

/** The append-only record of every change to office-wide data. */
public interface OfficeAuditTrail {

  void record(OfficeAuditEntry entry);

  /** The latest entries of these actions (all, when none are given), newest first. */
  List<OfficeAuditEntry> latest(List<String> actions, int limit);
}
