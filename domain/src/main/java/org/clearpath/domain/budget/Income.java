package org.clearpath.domain.budget;

import java.util.Objects;
import org.clearpath.domain.shared.Money;

/** A monthly income line. */
public record Income(IncomeKind kind, String label, Money monthly) {
  public Income {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(monthly, "monthly");
    label = Budget.label(label);
  }
}
