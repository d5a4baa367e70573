package org.clearpath.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Random;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Money;
import org.junit.jupiter.api.Test;

/** Properties of the schedule over many random plans (seeded, so a failure can be replayed). */
class SchedulesTest {
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Currency JPY = Currency.getInstance("JPY");

  @Test
  void instalments_add_up_to_the_total_and_differ_by_at_most_one_unit_earliest_largest() {
    var random = new Random(20261123);
    for (int run = 0; run < 5000; run++) {
      var currency = run % 5 == 0 ? JPY : CNY;
      var count = 1 + random.nextInt(120);
      var units = count + (long) random.nextInt(50_000_000);
      var total =
          new Money(
              BigDecimal.valueOf(units).movePointLeft(currency.getDefaultFractionDigits()),
              currency);
      var first =
          LocalDate.of(1990 + random.nextInt(80), 1 + random.nextInt(12), 1)
              .plusDays(random.nextInt(31));
      var schedule = Schedules.monthly(total, count, first);
      var context = "run " + run + ": " + total + " in " + count + " from " + first;

      assertThat(schedule).as(context).hasSize(count);
      assertThat(
              schedule.stream().map(Instalment::amount).reduce(Money.zero(currency), Money::plus))
          .as(context)
          .isEqualTo(total);
      for (int k = 1; k < count; k++) {
        var earlier = MinorUnits.of(schedule.get(k - 1).amount());
        var later = MinorUnits.of(schedule.get(k).amount());
        assertThat(earlier - later).as(context).isBetween(0L, 1L);
      }
      assertThat(
              MinorUnits.of(schedule.getFirst().amount())
                  - MinorUnits.of(schedule.getLast().amount()))
          .as(context)
          .isBetween(0L, 1L);
    }
  }

  @Test
  void every_date_is_a_month_after_the_last_on_the_first_dates_day_or_the_months_last_day() {
    var random = new Random(7);
    for (int run = 0; run < 3000; run++) {
      var first =
          LocalDate.of(1995 + random.nextInt(70), 1 + random.nextInt(12), 1)
              .plusDays(random.nextInt(31));
      var count = 1 + random.nextInt(60);
      var schedule = Schedules.monthly(Money.of("100000.00", "CNY"), count, first);
      var context = "from " + first + " in " + count;
      assertThat(schedule.getFirst().dueOn()).as(context).isEqualTo(first);
      for (int k = 0; k < count; k++) {
        var due = schedule.get(k).dueOn();
        assertThat(schedule.get(k).number()).isEqualTo(k + 1);
        var month = first.withDayOfMonth(1).plusMonths(k);
        assertThat(due.withDayOfMonth(1)).as(context).isEqualTo(month);
        assertThat(due.getDayOfMonth())
            .as(context)
            .isEqualTo(Math.min(first.getDayOfMonth(), month.lengthOfMonth()));
        if (k > 0) {
          assertThat(due).as(context).isAfter(schedule.get(k - 1).dueOn());
        }
      }
    }
  }

  @Test
  void month_ends_and_leap_years() {
    var fromJan31 = Schedules.monthly(Money.of("400.00", "CNY"), 4, LocalDate.of(2028, 1, 31));
    assertThat(fromJan31.stream().map(Instalment::dueOn))
        .containsExactly(
            LocalDate.of(2028, 1, 31),
            LocalDate.of(2028, 2, 29), // leap year
            LocalDate.of(2028, 3, 31), // back to the 31st, not stuck on the 29th
            LocalDate.of(2028, 4, 30));
    var fromJan30 = Schedules.monthly(Money.of("300.00", "CNY"), 3, LocalDate.of(2027, 1, 30));
    assertThat(fromJan30.stream().map(Instalment::dueOn))
        .containsExactly(
            LocalDate.of(2027, 1, 30), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 30));
    var leapDay = Schedules.monthly(Money.of("1300.00", "CNY"), 13, LocalDate.of(2024, 2, 29));
    assertThat(leapDay.get(12).dueOn()).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(leapDay.get(1).dueOn()).isEqualTo(LocalDate.of(2024, 3, 29));
  }

  @Test
  void the_remainder_goes_one_unit_each_to_the_first_instalments() {
    var schedule = Schedules.monthly(Money.of("100.00", "CNY"), 3, LocalDate.of(2026, 12, 1));
    assertThat(schedule.stream().map(i -> i.amount().amount().toPlainString()))
        .containsExactly("33.34", "33.33", "33.33");
    var yen = Schedules.monthly(Money.of("1000", "JPY"), 6, LocalDate.of(2026, 12, 1));
    assertThat(yen.stream().map(i -> i.amount().amount().toPlainString()))
        .containsExactly("167", "167", "167", "167", "166", "166");
  }

  @Test
  void refuses_what_cannot_be_split() {
    assertThatThrownBy(
            () -> Schedules.monthly(Money.of("0.05", "CNY"), 6, LocalDate.of(2026, 1, 1)))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("instalments");
    assertThatThrownBy(
            () -> Schedules.monthly(Money.of("0.00", "CNY"), 1, LocalDate.of(2026, 1, 1)))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(
            () -> Schedules.monthly(Money.of("10.00", "CNY"), 0, LocalDate.of(2026, 1, 1)))
        .isInstanceOf(InvalidInput.class);
  }
}
