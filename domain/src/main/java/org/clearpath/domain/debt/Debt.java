package org.clearpath.domain.debt;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;

/** One debt of a case's client with one lender. */
public record Debt(
    DebtId id,
    CaseId caseId,
    Lender lender,
    String product,
    Amounts amounts,
    List<Due> dues,
    List<Repayment> repayments,
    DebtStatus status,
    long version) {

  public Debt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(lender, "lender");
    Objects.requireNonNull(amounts, "amounts");
    Objects.requireNonNull(status, "status");
    product = product == null || product.isBlank() ? null : product.strip();
    if (product != null && product.length() > 200) {
      throw new InvalidInput(
          "product",
          "the product name is longer than 200 characters",
          Message.of("input.max-length", "max", 200));
    }
    dues = List.copyOf(dues);
    repayments = List.copyOf(repayments);
    if (dues.isEmpty()) {
      throw new InvalidInput(
          "dues",
          "a debt needs at least one due date",
          Message.of("refusal.a-debt-needs-at-least-one-due"));
    }
    for (var due : dues) {
      if (!due.amount().currency().equals(amounts.currency())) {
        throw new InvalidInput(
            "dues.amount",
            "dues must be in the debt's currency",
            Message.of("refusal.dues-must-be-in-the-debt-s"));
      }
    }
    for (var repayment : repayments) {
      if (!repayment.amount().currency().equals(amounts.currency())) {
        throw new InvalidInput(
            "repayments.amount",
            "repayments must be in the debt's currency",
            Message.of("refusal.repayments-must-be-in-the-debt-s"));
      }
    }
  }

  public Money repaid() {
    return repayments.stream()
        .map(Repayment::amount)
        .reduce(Money.zero(amounts.currency()), Money::plus);
  }

  /** What is still owed of the stated amounts (never below zero). */
  public Money outstanding() {
    var left = amounts.total().minus(repaid());
    return left.isNegative() ? Money.zero(amounts.currency()) : left;
  }

  public int daysPastDue(LocalDate asOf) {
    return status.isOpen() ? DaysPastDue.of(dues, repayments, asOf) : 0;
  }

  /** The lender, and the product if there is one: how a debt is named in reasons and plans. */
  public String label() {
    return product == null ? lender.name() : lender.name() + " " + product;
  }
}
