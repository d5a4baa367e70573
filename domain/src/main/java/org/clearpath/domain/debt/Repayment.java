package org.clearpath.domain.debt;

import java.time.LocalDate;
import java.util.Objects;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Money;

/** Money the borrower paid towards a debt, on a date. */
public record Repayment(LocalDate paidOn, Money amount) {
  public Repayment {
    Objects.requireNonNull(paidOn, "paidOn");
    Objects.requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw new InvalidInput(
          "repayments.amount",
          "a repayment must be more than zero",
          org.clearpath.domain.shared.Message.of("input.positive"));
    }
  }
}
