package org.clearpath.domain.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clearpath.domain.budget.Budget;
import org.clearpath.domain.shared.Money;

/**
 * Whether the plans fit the budget: for each month from this one, what the open plans (proposed,
 * agreed, active) still ask for that month — instalments already missed count in the current month
 * — against the budget's disposable income. A warning, never a refusal: the counselor decides.
 *
 * @param disposable the latest budget's disposable income; empty when there is no budget
 * @param months what the plans ask for, per month, for months with anything due
 * @param overMonths the months that ask for more than is disposable
 */
public record Affordability(
    Optional<Money> disposable,
    Optional<Integer> budgetVersion,
    Map<YearMonth, Money> months,
    List<YearMonth> overMonths) {

  public boolean hasBudget() {
    return disposable.isPresent();
  }

  public boolean exceeds() {
    return !overMonths.isEmpty();
  }

  /** The heaviest month, if any plan asks for anything. */
  public Optional<Map.Entry<YearMonth, Money>> heaviest() {
    return months.entrySet().stream().max(Map.Entry.comparingByValue());
  }

  public static Affordability of(Optional<Budget> budget, List<Plan> plans, LocalDate today) {
    var thisMonth = YearMonth.from(today);
    var currency =
        budget
            .map(Budget::currency)
            .or(
                () ->
                    plans.stream()
                        .filter(p -> p.status().open())
                        .map(p -> p.agreedTotal().currency())
                        .findFirst());
    var months = new TreeMap<YearMonth, Money>();
    for (var plan : plans) {
      if (!plan.status().open()) {
        continue;
      }
      if (!currency.get().equals(plan.agreedTotal().currency())) {
        continue;
      }
      for (var standing : plan.standings(today)) {
        if (standing.paidInFullOn() != null) {
          continue;
        }
        var month = YearMonth.from(standing.instalment().dueOn());
        if (month.isBefore(thisMonth)) {
          month = thisMonth;
        }
        months.merge(month, standing.unpaid(), Money::plus);
      }
    }
    var disposable = budget.map(Budget::disposable);
    var over =
        disposable
            .map(d -> months.entrySet().stream().filter(e -> e.getValue().compareTo(d) > 0))
            .map(s -> s.map(Map.Entry::getKey).toList())
            .orElse(List.of());
    return new Affordability(disposable, budget.map(Budget::version), months, over);
  }
}
