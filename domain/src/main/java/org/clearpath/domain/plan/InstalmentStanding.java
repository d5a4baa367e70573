package org.clearpath.domain.plan;

import java.time.LocalDate;
import org.clearpath.domain.shared.Money;

/**
 * An instalment with what has been paid towards it. {@code paidInFullOn} is the day of the payment
 * that completed it; {@code early} when that was before the due date.
 */
public record InstalmentStanding(
    Instalment instalment, Money paid, LocalDate paidInFullOn, InstalmentState state) {

  public Money unpaid() {
    return instalment.amount().minus(paid);
  }

  public boolean early() {
    return paidInFullOn != null && paidInFullOn.isBefore(instalment.dueOn());
  }
}
