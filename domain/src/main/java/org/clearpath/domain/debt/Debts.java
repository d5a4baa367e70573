package org.clearpath.domain.debt;

import java.util.List;
import java.util.Optional;
import org.clearpath.domain.shared.CaseId;

/** The debts of all cases. Implemented in {@code persistence}. */
public interface Debts {

  void add(Debt debt);

  Optional<Debt> find(DebtId id);

  List<Debt> ofCase(CaseId caseId);

  /** Adds a repayment if the debt is still at {@code expectedVersion}; bumps the version. */
  void addRepayment(DebtId id, Repayment repayment, long expectedVersion);

  /** Corrects product and amounts if the debt is still at {@code expectedVersion}. */
  void correct(DebtId id, String product, Amounts amounts, long expectedVersion);

  /** Changes the status if the debt is still at {@code expectedVersion}; bumps the version. */
  void changeStatus(DebtId id, DebtStatus status, long expectedVersion);
}
