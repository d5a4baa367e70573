package org.clearpath.domain.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;

/**
 * Monthly instalment schedules with exact money.
 *
 * <p><b>Remainder rule:</b> the total is split in the currency's smallest unit (fen, cents). Every
 * instalment gets {@code total / n} units, rounded down; the {@code total mod n} units left over go
 * one each to the first instalments. So instalments never differ by more than one unit, an earlier
 * one is never smaller than a later one, and they add up to the total exactly.
 *
 * <p><b>Dates:</b> instalment {@code k} (from 0) falls due {@code k} months after the first due
 * date, on the same day of the month; in a month without that day, on its last day. Every date is
 * counted from the first one, so a plan starting on 31 January falls due on 28 (or 29) February and
 * then on 31 March again.
 */
public final class Schedules {
  private Schedules() {}

  public static List<Instalment> monthly(Money total, int count, LocalDate firstDue) {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(firstDue, "firstDue");
    if (count < 1) {
      throw new InvalidInput(
          "instalments", "at least one instalment", Message.of("refusal.at-least-one-instalment"));
    }
    if (!total.isPositive()) {
      throw new InvalidInput(
          "agreedTotal",
          "the agreed total must be more than zero",
          org.clearpath.domain.shared.Message.of("input.positive"));
    }
    var units = MinorUnits.of(total);
    if (units < count) {
      throw new InvalidInput(
          "instalments",
          "the total is too small for " + count + " instalments of at least 0.01",
          Message.of("refusal.total-too-small", "count", count));
    }
    var each = units / count;
    var left = units % count;
    var schedule = new ArrayList<Instalment>(count);
    for (int k = 0; k < count; k++) {
      var amount = MinorUnits.money(each + (k < left ? 1 : 0), total.currency());
      schedule.add(new Instalment(k + 1, firstDue.plusMonths(k), amount, null));
    }
    return List.copyOf(schedule);
  }
}
