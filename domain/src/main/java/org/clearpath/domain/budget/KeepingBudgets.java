package org.clearpath.domain.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StaleVersion;

/**
 * Use case: the case's counselor saves budget versions; counselors and supervisors read them. The
 * budget is the counselor's working assessment, so the client does not see it.
 */
public final class KeepingBudgets {
  private final GuardedCases cases;
  private final Budgets budgets;
  private final org.clearpath.domain.shared.Transactions transactions;

  public KeepingBudgets(
      GuardedCases cases, Budgets budgets, org.clearpath.domain.shared.Transactions transactions) {
    this.transactions = transactions;
    this.cases = cases;
    this.budgets = budgets;
  }

  public Optional<Budget> current(CaseId caseId, Actor actor) {
    cases.internal(caseId, actor, "the budget");
    return budgets.latest(caseId);
  }

  public List<Budget> history(CaseId caseId, Actor actor) {
    cases.internal(caseId, actor, "the budget");
    cases.read(caseId, actor, org.clearpath.domain.audit.AccessEntry.Access.BUDGET);
    return budgets.history(caseId);
  }

  /**
   * Saves the next version. {@code basedOn} is the version the counselor edited (0 for the first);
   * if someone saved since, {@link StaleVersion}.
   */
  public Budget save(CaseId caseId, BudgetLines lines, int basedOn, Actor actor) {
    return transactions.inOne(
        () -> {
          cases.changeable(caseId, actor);
          var latest = budgets.latest(caseId).map(Budget::version).orElse(0);
          if (latest != basedOn) {
            throw new StaleVersion("the budget");
          }
          var budget =
              new Budget(
                  caseId,
                  latest + 1,
                  lines.currency(),
                  lines.incomes(),
                  lines.expenses(),
                  lines.assets(),
                  lines.note(),
                  actor.id(),
                  actor.username(),
                  cases.now());
          budgets.add(budget);
          var details = new LinkedHashMap<String, String>();
          details.put("version", String.valueOf(budget.version()));
          details.put("income", budget.income().toString());
          details.put("essentials", budget.essentialExpenses().toString());
          details.put("disposable", budget.disposable().toString());
          cases.audit(caseId, actor, "budget.saved", details);
          return budget;
        });
  }
}
