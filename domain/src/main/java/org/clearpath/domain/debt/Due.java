package org.clearpath.domain.debt;

import java.time.LocalDate;
import java.util.Objects;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;

/** An amount the borrower had to pay by a date (in the lender's calendar). */
public record Due(LocalDate dueDate, Money amount) {
  public Due {
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw new InvalidInput(
          "dues.amount",
          "a due amount must be more than zero",
          Message.of("refusal.a-due-amount-must-be-more-than"));
    }
  }
}
