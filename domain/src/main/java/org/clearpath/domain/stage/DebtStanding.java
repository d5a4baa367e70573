package org.clearpath.domain.stage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.clearpath.domain.debt.DaysPastDue;
import org.clearpath.domain.debt.Due;
import org.clearpath.domain.debt.Repayment;

/**
 * What the stage policy needs to know of one debt: a label for reasons, whether it is still open
 * (not paid off, settled or written off), its dues and its repayments.
 */
public record DebtStanding(String label, boolean open, List<Due> dues, List<Repayment> repayments) {
  public DebtStanding {
    Objects.requireNonNull(label, "label");
    dues = List.copyOf(dues);
    repayments = List.copyOf(repayments);
  }

  public int daysPastDue(LocalDate asOf) {
    return DaysPastDue.of(dues, repayments, asOf);
  }
}
