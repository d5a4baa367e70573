package org.clearpath.domain.budget;

import java.util.Currency;
import java.util.List;

/** What a counselor enters for a new budget version. */
public record BudgetLines(
    Currency currency,
    List<Income> incomes,
    List<Expense> expenses,
    List<Asset> assets,
    String note) {
  public BudgetLines {
    incomes = List.copyOf(incomes);
    expenses = List.copyOf(expenses);
    assets = List.copyOf(assets);
  }
}
