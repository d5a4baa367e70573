package org.clearpath.api.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clearpath.domain.plan.Affordability;
import org.clearpath.domain.plan.Plan;
import org.clearpath.domain.shared.Money;

/** JSON shapes of plans, as of a day. Amounts are decimal strings in the plan's currency. */
final class PlanViews {
  private PlanViews() {}

  @Serdeable
  record DebtView(String debtId, String label, String outstanding, String share) {}

  @Serdeable
  record WaiverView(String kind, String amount) {}

  @Serdeable
  record InstalmentView(
      int number,
      String dueOn,
      String amount,
      String paid,
      String unpaid,
      String state,
      @Nullable String paidInFullOn,
      boolean early,
      @Nullable String missedOn) {}

  @Serdeable
  record PaymentView(
      String id,
      String paidOn,
      String amount,
      @Nullable String note,
      @Nullable String recordedByName,
      String recordedAt) {}

  @Serdeable
  record PlanView(
      String id,
      String caseId,
      String kind,
      String status,
      String currency,
      List<DebtView> debts,
      List<WaiverView> waivers,
      String balanceBefore,
      String waived,
      String agreedTotal,
      String paid,
      String remaining,
      String terms,
      List<InstalmentView> instalments,
      List<PaymentView> payments,
      @Nullable InstalmentView next,
      int missed,
      @Nullable String agreedOn,
      @Nullable String agreementFileId,
      @Nullable String statusReason,
      @Nullable String statusOn,
      @Nullable String createdByName,
      String createdAt,
      long version,
      @io.swagger.v3.oas.annotations.media.Schema(
              description = "the supervisor's approval the proposal needs; none: it needs none")
          @Nullable
          ApprovalView approval) {}

  /** Why a proposal needs approval (a message), where it stands, who decided and why. */
  @Serdeable
  record ApprovalView(
      String status,
      org.clearpath.api.problem.MessageView why,
      String requestedAt,
      @Nullable String decidedByName,
      @Nullable String decidedAt,
      @Nullable String note,
      long version) {
    static ApprovalView of(org.clearpath.domain.plan.PlanApproval a) {
      return new ApprovalView(
          a.status().name(),
          org.clearpath.api.problem.MessageView.of(a.why()),
          a.requestedAt().toString(),
          a.decidedByName(),
          a.decidedAt() == null ? null : a.decidedAt().toString(),
          a.note(),
          a.version());
    }
  }

  @Serdeable
  record MonthView(String month, String amount, boolean over) {}

  @Serdeable
  record AffordabilityView(
      boolean hasBudget,
      @Nullable Integer budgetVersion,
      @Nullable String disposable,
      @Nullable String currency,
      boolean exceeds,
      List<MonthView> months) {}

  static String text(Money money) {
    return money.amount().toPlainString();
  }

  /**
   * The plan as its client sees it: the terms, instalments and payments, without the staff's own
   * words and names (why its status changed, payment notes, who recorded what, the approval).
   */
  static PlanView forClient(PlanView v) {
    return new PlanView(
        v.id(),
        v.caseId(),
        v.kind(),
        v.status(),
        v.currency(),
        v.debts(),
        v.waivers(),
        v.balanceBefore(),
        v.waived(),
        v.agreedTotal(),
        v.paid(),
        v.remaining(),
        v.terms(),
        v.instalments(),
        v.payments().stream()
            .map(x -> new PaymentView(x.id(), x.paidOn(), x.amount(), null, null, x.recordedAt()))
            .toList(),
        v.next(),
        v.missed(),
        v.agreedOn(),
        v.agreementFileId(),
        null,
        v.statusOn(),
        null,
        v.createdAt(),
        v.version(),
        null);
  }

  static PlanView view(Plan p, LocalDate today) {
    return view(p, today, null);
  }

  static PlanView view(Plan p, LocalDate today, org.clearpath.domain.plan.PlanApproval approval) {
    var standings = p.standings(today);
    var instalments =
        standings.stream()
            .map(
                s ->
                    new InstalmentView(
                        s.instalment().number(),
                        s.instalment().dueOn().toString(),
                        text(s.instalment().amount()),
                        text(s.paid()),
                        text(s.unpaid()),
                        s.state().name(),
                        s.paidInFullOn() == null ? null : s.paidInFullOn().toString(),
                        s.early(),
                        s.instalment().missedOn() == null
                            ? null
                            : s.instalment().missedOn().toString()))
            .toList();
    var next =
        p.status().inForce()
            ? instalments.stream().filter(i -> i.paidInFullOn() == null).findFirst().orElse(null)
            : null;
    return new PlanView(
        p.id().toString(),
        p.caseId().toString(),
        p.kind().name(),
        p.status().name(),
        p.agreedTotal().currency().getCurrencyCode(),
        p.debts().stream()
            .map(
                d ->
                    new DebtView(
                        d.debt().toString(), d.label(), text(d.outstanding()), text(d.share())))
            .toList(),
        p.waivers().stream().map(w -> new WaiverView(w.kind().name(), text(w.amount()))).toList(),
        text(p.balanceBefore()),
        text(p.waived()),
        text(p.agreedTotal()),
        text(p.paid()),
        text(p.remaining()),
        p.terms(),
        instalments,
        p.payments().stream()
            .map(
                x ->
                    new PaymentView(
                        x.id().toString(),
                        x.paidOn().toString(),
                        text(x.amount()),
                        x.note(),
                        x.recordedByName(),
                        x.recordedAt().toString()))
            .toList(),
        next,
        (int)
            standings.stream()
                .filter(s -> s.state() == org.clearpath.domain.plan.InstalmentState.MISSED)
                .count(),
        p.agreedOn() == null ? null : p.agreedOn().toString(),
        p.agreementFile() == null ? null : p.agreementFile().toString(),
        p.statusReason(),
        p.statusOn() == null ? null : p.statusOn().toString(),
        p.createdByName(),
        p.createdAt().toString(),
        p.version(),
        approval == null ? null : ApprovalView.of(approval));
  }

  static AffordabilityView view(Affordability a) {
    var over = a.overMonths();
    return new AffordabilityView(
        a.hasBudget(),
        a.budgetVersion().orElse(null),
        a.disposable().map(PlanViews::text).orElse(null),
        a.disposable().map(m -> m.currency().getCurrencyCode()).orElse(null),
        a.exceeds(),
        a.months().entrySet().stream()
            .map(
                (Map.Entry<java.time.YearMonth, Money> e) ->
                    new MonthView(
                        e.getKey().toString(), text(e.getValue()), over.contains(e.getKey())))
            .toList());
  }
}
