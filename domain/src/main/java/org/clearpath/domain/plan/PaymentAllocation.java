package org.clearpath.domain.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clearpath.domain.shared.Money;

/**
 * Which instalments the payments paid.
 *
 * <p><b>Rule:</b> payments are taken in the order they were made (day paid, then when recorded);
 * each one fills the oldest instalment not yet paid in full, then the next. So a partial payment
 * leaves the rest of that instalment owing, a late payment first clears what was missed, and an
 * early or larger payment runs on into later instalments. Only payments made on or before {@code
 * asOf} count.
 */
public final class PaymentAllocation {
  private PaymentAllocation() {}

  public static List<InstalmentStanding> of(
      List<Instalment> schedule, List<PlanPayment> payments, LocalDate asOf) {
    var ordered =
        payments.stream()
            .filter(p -> !p.paidOn().isAfter(asOf))
            .sorted(
                Comparator.comparing(PlanPayment::paidOn).thenComparing(PlanPayment::recordedAt))
            .toList();
    var sorted =
        schedule.stream()
            .sorted(Comparator.comparing(Instalment::dueOn).thenComparing(Instalment::number))
            .toList();
    var currency = sorted.isEmpty() ? null : sorted.getFirst().amount().currency();
    var paid = new long[sorted.size()];
    var fullOn = new LocalDate[sorted.size()];
    int next = 0;
    for (var payment : ordered) {
      var left = MinorUnits.of(payment.amount());
      while (left > 0 && next < sorted.size()) {
        var owed = MinorUnits.of(sorted.get(next).amount()) - paid[next];
        var take = Math.min(owed, left);
        paid[next] += take;
        left -= take;
        if (paid[next] == MinorUnits.of(sorted.get(next).amount())) {
          fullOn[next] = payment.paidOn();
          next++;
        }
      }
    }
    var standings = new ArrayList<InstalmentStanding>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      var instalment = sorted.get(i);
      var paidMoney = MinorUnits.money(paid[i], currency);
      standings.add(
          new InstalmentStanding(
              instalment, paidMoney, fullOn[i], state(instalment, paidMoney, fullOn[i], asOf)));
    }
    return List.copyOf(standings);
  }

  private static InstalmentState state(
      Instalment instalment, Money paid, LocalDate fullOn, LocalDate asOf) {
    if (fullOn != null) {
      return fullOn.isAfter(instalment.dueOn()) ? InstalmentState.PAID_LATE : InstalmentState.PAID;
    }
    if (asOf.isAfter(instalment.dueOn())) {
      return InstalmentState.MISSED;
    }
    return paid.isZero() ? InstalmentState.UPCOMING : InstalmentState.PARTLY_PAID;
  }
}
