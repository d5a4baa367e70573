package org.clearpath.domain.plan;

import java.math.BigDecimal;
import java.util.Currency;
import org.clearpath.domain.shared.Money;

/** Money as a whole number of the currency's smallest unit (fen, cents), for exact splitting. */
final class MinorUnits {
  private MinorUnits() {}

  static long of(Money money) {
    return money.amount().movePointRight(scale(money.currency())).longValueExact();
  }

  static Money money(long units, Currency currency) {
    return new Money(BigDecimal.valueOf(units).movePointLeft(scale(currency)), currency);
  }

  private static int scale(Currency currency) {
    return Math.max(currency.getDefaultFractionDigits(), 0);
  }
}
