package org.clearpath.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.clearpath.domain.shared.Money;
import org.junit.jupiter.api.Test;

class ProRataTest {
  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  @Test
  void splits_in_proportion_to_balances() {
    assertThat(
            ProRata.split(cny("1000.00"), List.of(cny("6000.00"), cny("3000.00"), cny("1000.00"))))
        .containsExactly(cny("600.00"), cny("300.00"), cny("100.00"));
  }

  @Test
  void leftover_units_go_to_the_largest_rounded_off_parts_then_the_larger_balance() {
    // 100.00 over three equal balances: 33.33 each and 0.01 left; tie → the one listed first
    assertThat(ProRata.split(cny("100.00"), List.of(cny("50.00"), cny("50.00"), cny("50.00"))))
        .containsExactly(cny("33.34"), cny("33.33"), cny("33.33"));
    // 10.00 over 1:2 → 3.333… and 6.666…: the larger remainder (the second) gets the extra fen
    assertThat(ProRata.split(cny("10.00"), List.of(cny("1.00"), cny("2.00"))))
        .containsExactly(cny("3.33"), cny("6.67"));
  }

  @Test
  void a_zero_balance_gets_nothing() {
    assertThat(ProRata.split(cny("99.99"), List.of(cny("0.00"), cny("5.00"))))
        .containsExactly(cny("0.00"), cny("99.99"));
  }

  @Test
  void shares_always_add_up_and_stay_within_one_unit_of_the_exact_share() {
    var random = new Random(42);
    var cny = Currency.getInstance("CNY");
    for (int run = 0; run < 5000; run++) {
      var balances = new ArrayList<Money>();
      var n = 1 + random.nextInt(8);
      for (int i = 0; i < n; i++) {
        balances.add(new Money(BigDecimal.valueOf(1 + random.nextInt(10_000_000), 2), cny));
      }
      var amount = new Money(BigDecimal.valueOf(random.nextInt(5_000_000), 2), cny);
      var shares = ProRata.split(amount, balances);
      var context = amount + " over " + balances;
      assertThat(shares.stream().reduce(Money.zero(cny), Money::plus))
          .as(context)
          .isEqualTo(amount);
      var total = balances.stream().mapToLong(MinorUnits::of).sum();
      for (int i = 0; i < n; i++) {
        var exact = (double) MinorUnits.of(amount) * MinorUnits.of(balances.get(i)) / total;
        assertThat((double) MinorUnits.of(shares.get(i)))
            .as(context)
            .isBetween(Math.floor(exact), Math.floor(exact) + 1);
      }
    }
  }
}
