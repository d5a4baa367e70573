package org.clearpath.domain.plan;

import java.time.LocalDate;
import java.util.Objects;
import org.clearpath.domain.shared.Money;

/**
 * One scheduled instalment. {@code missedOn} is the day the daily job found it unpaid after its due
 * date (it stays as history even when the instalment is paid late).
 */
public record Instalment(int number, LocalDate dueOn, Money amount, LocalDate missedOn) {
  public Instalment {
    Objects.requireNonNull(dueOn, "dueOn");
    Objects.requireNonNull(amount, "amount");
  }

  public Instalment missed(LocalDate on) {
    return new Instalment(number, dueOn, amount, on);
  }
}
