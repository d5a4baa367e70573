package org.clearpath.domain.shared;

import java.util.Collection;
import java.util.Set;

/**
 * The one way a case's stage follows what it owes. Whatever stores a change to a case's debts,
 * dues, repayments, legal steps, plans or plan payments tells it here, inside the transaction that
 * stores the change; just before that transaction commits, the stage of every case it was told
 * about is brought up to date, once per case, in the same transaction. Nobody brings a stage up to
 * date by hand after a write.
 *
 * <p>The stores in {@code persistence} tell it; the application implements it. Telling it outside a
 * transaction is a programming error and fails.
 */
public interface StandingChanges {

  /** The standing of these cases changed in the current transaction. */
  void changed(Collection<CaseId> cases);

  default void changed(CaseId caseId) {
    changed(Set.of(caseId));
  }
}
