package org.clearpath.domain.plan;

import java.util.Objects;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.shared.Money;

/**
 * A debt the plan covers: what was outstanding on it when the plan was proposed, and its share of
 * the agreed total (pro rata to the outstanding amounts, see {@link ProRata}).
 */
public record PlanDebt(DebtId debt, String label, Money outstanding, Money share) {
  public PlanDebt {
    Objects.requireNonNull(debt, "debt");
    Objects.requireNonNull(outstanding, "outstanding");
    Objects.requireNonNull(share, "share");
    label = label == null ? "" : label;
  }
}
