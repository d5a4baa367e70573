package org.clearpath.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void amounts_keep_the_currencys_scale_exactly() {
    assertThat(Money.of("12.5", "CNY").amount().toPlainString()).isEqualTo("12.50");
    assertThat(Money.of("100", "JPY").amount().toPlainString()).isEqualTo("100");
    assertThat(Money.of("0.10", "CNY").plus(Money.of("0.20", "CNY")))
        .isEqualTo(Money.of("0.30", "CNY"));
  }

  @Test
  void more_decimals_than_the_currency_has_are_refused_not_rounded() {
    assertThatThrownBy(() -> Money.of("1.005", "CNY")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void different_currencies_never_mix() {
    assertThatThrownBy(() -> Money.of("1", "CNY").plus(Money.of("1", "USD")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
