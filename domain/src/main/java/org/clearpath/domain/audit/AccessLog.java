package org.clearpath.domain.audit;

import java.util.List;
import org.clearpath.domain.shared.CaseId;

/**
 * The append-only record of sensitive reads of case data and of refused attempts. Recording never
 * fails the read it records; an adapter may write entries shortly after (and says how long).
 */
public interface AccessLog {

  void record(AccessEntry entry);

  /** A page of a case's entries, newest first, and how many there are. */
  Page ofCase(CaseId caseId, int page, int size);

  record Page(List<AccessEntry> entries, long total) {
    public Page {
      entries = List.copyOf(entries);
    }
  }

  /** Records nothing: for tests of use cases that are not about it. */
  AccessLog NONE =
      new AccessLog() {
        @Override
        public void record(AccessEntry entry) {}

        @Override
        public Page ofCase(CaseId caseId, int page, int size) {
          return new Page(List.of(), 0);
        }
      };
}
