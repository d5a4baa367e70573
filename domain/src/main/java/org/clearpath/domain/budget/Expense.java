package org.clearpath.domain.budget;

import java.util.Objects;
import org.clearpath.domain.shared.Money;

/** A monthly expense line; {@code essential} lines are basic living. */
public record Expense(ExpenseCategory category, String label, Money monthly, boolean essential) {
  public Expense {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(monthly, "monthly");
    label = Budget.label(label);
  }
}
