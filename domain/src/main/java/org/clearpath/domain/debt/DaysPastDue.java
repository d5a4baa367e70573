package org.clearpath.domain.debt;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.clearpath.domain.shared.Money;

/**
 * Days past due (DPD) of one debt on a given day: the days since its <em>oldest unpaid</em> due
 * date. Repayments made up to that day pay the dues oldest first; a due that is only partly paid is
 * still unpaid. A due is past due from the day after its due date (due today = 0 DPD).
 */
public final class DaysPastDue {
  private DaysPastDue() {}

  /** The oldest due not fully paid by {@code asOf}, if any. */
  public static Optional<Due> oldestUnpaid(
      List<Due> dues, List<Repayment> repayments, LocalDate asOf) {
    var sorted = dues.stream().sorted(Comparator.comparing(Due::dueDate)).toList();
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    var currency = sorted.getFirst().amount().currency();
    var paid =
        repayments.stream()
            .filter(r -> !r.paidOn().isAfter(asOf))
            .map(Repayment::amount)
            .reduce(Money.zero(currency), Money::plus);
    for (var due : sorted) {
      if (paid.compareTo(due.amount()) >= 0) {
        paid = paid.minus(due.amount());
      } else {
        return Optional.of(due);
      }
    }
    return Optional.empty();
  }

  public static int of(List<Due> dues, List<Repayment> repayments, LocalDate asOf) {
    return oldestUnpaid(dues, repayments, asOf)
        .map(due -> (int) Math.max(0, ChronoUnit.DAYS.between(due.dueDate(), asOf)))
        .orElse(0);
  }
}
