package org.clearpath.domain.harassment;

import java.util.List;
import java.util.Map;
import org.clearpath.domain.shared.CaseId;

/**
 * What the rules found in each case's log, kept beside the case, and which cases are due to be
 * judged again: the store marks a case due itself when its log, its jurisdiction or a lender its
 * log names changes. (The day's queue reads the kept findings.)
 */
public interface KeptFindings {

  /**
   * A case due to be judged, as it was taken: {@code mark} tells this taking from any later one.
   */
  record Due(CaseId caseId, long mark) {}

  /**
   * Takes up to {@code max} cases due to be judged again, longest due first, for long enough to
   * judge them: other instances skip them meanwhile. Marking a case never waits for a taking, a
   * judging or a keeping of it.
   */
  List<Due> takeDue(int max);

  /**
   * The taken cases' findings are now these (all of them, flagged or not), for the cases that are
   * still due; a case that is no longer due (its judging from a later taking was kept first) keeps
   * the findings it has. A case marked again since it was taken stays due, to be judged again; the
   * others are no longer due.
   */
  void keep(Map<Due, List<Finding>> judged);

  /**
   * Marks every case due unless the kept findings were judged by the packs with this fingerprint,
   * and remembers the fingerprint; true if it marked them.
   */
  boolean judgedBy(String fingerprint);
}
