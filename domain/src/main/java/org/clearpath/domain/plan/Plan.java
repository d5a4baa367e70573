package org.clearpath.domain.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.UserId;

/**
 * A repayment plan agreed (or being negotiated) with a lender for one or more of a case's debts:
 * the terms, the schedule, the payments and where it stands. Immutable; every step returns the next
 * state, which the caller stores with the version it read.
 */
public record Plan(
    UUID id,
    CaseId caseId,
    PlanKind kind,
    List<PlanDebt> debts,
    List<Waiver> waivers,
    Money agreedTotal,
    String terms,
    List<Instalment> schedule,
    PlanStatus status,
    LocalDate agreedOn,
    UUID agreementFile,
    String statusReason,
    LocalDate statusOn,
    List<PlanPayment> payments,
    UserId createdBy,
    String createdByName,
    Instant createdAt,
    long version) {

  public Plan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(agreedTotal, "agreedTotal");
    Objects.requireNonNull(status, "status");
    debts = List.copyOf(debts);
    waivers = List.copyOf(waivers);
    schedule = List.copyOf(schedule);
    payments = List.copyOf(payments);
    terms = terms == null ? "" : terms;
  }

  public Money zero() {
    return Money.zero(agreedTotal.currency());
  }

  /** What the covered debts came to when the plan was proposed. */
  public Money balanceBefore() {
    return debts.stream().map(PlanDebt::outstanding).reduce(zero(), Money::plus);
  }

  public Money waived() {
    return waivers.stream().map(Waiver::amount).reduce(zero(), Money::plus);
  }

  public Money paid() {
    return payments.stream().map(PlanPayment::amount).reduce(zero(), Money::plus);
  }

  public Money remaining() {
    return agreedTotal.minus(paid());
  }

  public List<InstalmentStanding> standings(LocalDate asOf) {
    return PaymentAllocation.of(schedule, payments, asOf);
  }

  /** The first instalment not paid in full (missed ones first, as they come first). */
  public Optional<InstalmentStanding> next(LocalDate asOf) {
    return standings(asOf).stream().filter(s -> s.paidInFullOn() == null).findFirst();
  }

  /** Instalments past their due date and still not paid in full. */
  public List<InstalmentStanding> missed(LocalDate asOf) {
    return standings(asOf).stream().filter(s -> s.state() == InstalmentState.MISSED).toList();
  }

  public Plan agree(LocalDate on, UUID file) {
    require(PlanStatus.PROPOSED, "agreed");
    return with(PlanStatus.AGREED, on, file, null, on, payments, schedule);
  }

  public Plan withdraw(String reason, LocalDate on) {
    require(PlanStatus.PROPOSED, "withdrawn");
    return with(PlanStatus.WITHDRAWN, agreedOn, agreementFile, reason, on, payments, schedule);
  }

  public Plan breakOff(String reason, LocalDate on) {
    if (!status.inForce()) {
      throw new org.clearpath.domain.shared.WrongState(
          "only an agreed or active plan can break", status);
    }
    return with(PlanStatus.BROKEN, agreedOn, agreementFile, reason, on, payments, schedule);
  }

  /** Records a payment; the plan becomes active, or completed once everything is paid. */
  public Plan pay(PlanPayment payment) {
    if (!status.inForce()) {
      throw new org.clearpath.domain.shared.WrongState(
          "payments are recorded against an agreed or active plan", status);
    }
    if (!payment.amount().currency().equals(agreedTotal.currency())) {
      throw new InvalidInput(
          "amount",
          "the plan is in " + agreedTotal.currency(),
          Message.of("refusal.plan-is-in", "currency", agreedTotal.currency()));
    }
    if (!payment.amount().isPositive()) {
      throw new InvalidInput(
          "amount",
          "a payment is more than zero",
          Message.of("refusal.a-payment-is-more-than-zero"));
    }
    if (payment.amount().compareTo(remaining()) > 0) {
      throw new InvalidInput(
          "amount",
          "more than the " + remaining().amount().toPlainString() + " still owed",
          Message.of("refusal.more-than-owed", "remaining", remaining().amount().toPlainString()));
    }
    if (agreedOn != null && payment.paidOn().isBefore(agreedOn)) {
      throw new InvalidInput(
          "paidOn",
          "a payment under the plan is made after it was agreed",
          Message.of("refusal.a-payment-under-the-plan-is-made"));
    }
    var all = new ArrayList<>(payments);
    all.add(payment);
    var done = remaining().minus(payment.amount()).isZero();
    return with(
        done ? PlanStatus.COMPLETED : PlanStatus.ACTIVE,
        agreedOn,
        agreementFile,
        done ? null : statusReason,
        done || status != PlanStatus.ACTIVE ? payment.paidOn() : statusOn,
        all,
        schedule);
  }

  /** An agreed plan becomes active when its first instalment falls due. */
  public Plan activeIfDue(LocalDate today) {
    if (status == PlanStatus.AGREED
        && !schedule.isEmpty()
        && !schedule.getFirst().dueOn().isAfter(today)) {
      return with(PlanStatus.ACTIVE, agreedOn, agreementFile, null, today, payments, schedule);
    }
    return this;
  }

  /** Marks every instalment missed as of {@code today} that is not yet marked. */
  public Plan markMissed(LocalDate today) {
    var missed = missed(today).stream().map(s -> s.instalment().number()).toList();
    var marked =
        schedule.stream()
            .map(i -> missed.contains(i.number()) && i.missedOn() == null ? i.missed(today) : i)
            .toList();
    return with(status, agreedOn, agreementFile, statusReason, statusOn, payments, marked);
  }

  private void require(PlanStatus from, String to) {
    if (status != from) {
      throw new org.clearpath.domain.shared.WrongState(
          "only a " + from.name().toLowerCase() + " plan can be " + to, status);
    }
  }

  private Plan with(
      PlanStatus newStatus,
      LocalDate newAgreedOn,
      UUID newFile,
      String reason,
      LocalDate on,
      List<PlanPayment> newPayments,
      List<Instalment> newSchedule) {
    return new Plan(
        id,
        caseId,
        kind,
        debts,
        waivers,
        agreedTotal,
        terms,
        newSchedule,
        newStatus,
        newAgreedOn,
        newFile,
        reason,
        on,
        newPayments,
        createdBy,
        createdByName,
        createdAt,
        version);
  }
}
