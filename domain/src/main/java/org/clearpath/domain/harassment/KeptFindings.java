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
   * Up to {@code max} cases due to be judged again, longest due first, held until the transaction
   * ends; cases another transaction is judging are skipped.
   */
  List<CaseId> takeDue(int max);

  /** These cases' kept findings are now these (all of them, flagged or not); none is due. */
  void keep(Map<CaseId, List<Finding>> judged);

  /**
   * Marks every case due unless the kept findings were judged by the packs with this fingerprint,
   * and remembers the fingerprint; true if it marked them.
   */
  boolean judgedBy(String fingerprint);
}
