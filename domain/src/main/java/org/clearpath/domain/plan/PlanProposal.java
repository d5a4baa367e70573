package org.clearpath.domain.plan;

import java.time.LocalDate;
import java.util.List;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.shared.Money;

/** What a counselor enters to propose a plan. */
public record PlanProposal(
    PlanKind kind,
    List<DebtId> debts,
    List<Waiver> waivers,
    Money agreedTotal,
    int instalments,
    LocalDate firstDue,
    String terms) {
  public PlanProposal {
    debts = List.copyOf(debts);
    waivers = List.copyOf(waivers);
  }
}
