package org.clearpath.domain.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.budget.Budgets;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.debt.Debt;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.DebtStatus;
import org.clearpath.domain.debt.Debts;
import org.clearpath.domain.debt.Repayment;
import org.clearpath.domain.evidence.EvidenceFiles;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.StaleVersion;

/**
 * Use case: the case's counselor proposes plans, records the signed agreement, payments and breaks;
 * counselors and supervisors see every plan of their cases, the client sees theirs.
 *
 * <p>A payment is also recorded on the covered debts, split by their shares of the plan, so that
 * what is left on each debt stays true when a plan breaks and the debt's own dues count again. When
 * a plan is completed its debts are settled.
 */
public final class KeepingPlans {
  static final int MAX_TERMS = 4000;
  static final int MAX_REASON = 500;
  static final int MAX_DEBTS = 20;
  private final GuardedCases cases;
  private final Plans plans;
  private final Debts debts;
  private final EvidenceFiles files;
  private final Budgets budgets;
  private final ZoneId zone;
  private final org.clearpath.domain.shared.Transactions transactions;
  private final PlanApprovals approvals;
  private final ApprovalPolicy approvalPolicy;

  public KeepingPlans(
      GuardedCases cases,
      Plans plans,
      Debts debts,
      EvidenceFiles files,
      Budgets budgets,
      ZoneId zone,
      org.clearpath.domain.shared.Transactions transactions,
      PlanApprovals approvals,
      ApprovalPolicy approvalPolicy) {
    this.approvals = approvals;
    this.approvalPolicy = approvalPolicy;
    this.transactions = transactions;
    this.cases = cases;
    this.plans = plans;
    this.debts = debts;
    this.files = files;
    this.budgets = budgets;
    this.zone = zone;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(cases.now(), zone);
  }

  /**
   * The plans as {@link #ofCase}, for an export ({@code what}: {@link
   * org.clearpath.domain.audit.AccessEntry.Access#PLANS_CSV} or {@code PAYMENTS_CSV}), which the
   * access log keeps.
   */
  public List<Plan> exported(CaseId caseId, Actor actor, String what) {
    var shown = ofCase(caseId, actor);
    cases.read(caseId, actor, what);
    return shown;
  }

  public List<Plan> ofCase(CaseId caseId, Actor actor) {
    return transactions.readOnly(
        () -> {
          var caseFile = cases.visible(caseId, actor);
          var internals = cases.policy().seesInternals(actor, caseFile);
          return plans.ofCase(caseId).stream().filter(p -> internals || shownToClient(p)).toList();
        });
  }

  /** A client sees what was agreed, not what is still being negotiated or was dropped. */
  private static boolean shownToClient(Plan plan) {
    return plan.status() != PlanStatus.PROPOSED && plan.status() != PlanStatus.WITHDRAWN;
  }

  public Plan get(UUID id, Actor actor) {
    return transactions.readOnly(
        () -> {
          var plan = plans.find(id).orElseThrow(() -> new NotFound("plan " + id));
          try {
            var caseFile = cases.visible(plan.caseId(), actor);
            if (cases.policy().seesInternals(actor, caseFile) || shownToClient(plan)) {
              return plan;
            }
          } catch (NotFound e) {
            // someone else's plan is one that is not there
          }
          throw new NotFound("plan " + id);
        });
  }

  private Plan changeable(UUID id, long version, Actor actor) {
    var plan = plans.find(id).orElseThrow(() -> new NotFound("plan " + id));
    try {
      cases.changeable(plan.caseId(), actor);
    } catch (NotFound e) {
      throw new NotFound("plan " + id);
    }
    if (plan.version() != version) {
      throw new StaleVersion("the plan");
    }
    return plan;
  }

  /** The open debts' outstanding amounts split pro rata: a starting point for negotiation. */
  public List<Share> split(CaseId caseId, Money amount, Actor actor) {
    return transactions.readOnly(
        () -> {
          cases.internal(caseId, actor, "planning");
          var open =
              debts.ofCase(caseId).stream()
                  .filter(d -> d.status().isOpen())
                  .filter(d -> d.amounts().currency().equals(amount.currency()))
                  .toList();
          if (open.isEmpty()) {
            throw new InvalidInput(
                "amount",
                "no open debt in " + amount.currency(),
                Message.of("refusal.no-open-debt-in", "currency", amount.currency()));
          }
          var balances = new LinkedHashMap<DebtId, Money>();
          open.forEach(d -> balances.put(d.id(), d.outstanding()));
          var shares = ProRata.split(amount, balances);
          return open.stream()
              .map(d -> new Share(d.id(), d.label(), d.outstanding(), shares.get(d.id())))
              .toList();
        });
  }

  public Affordability affordability(CaseId caseId, Actor actor) {
    return transactions.readOnly(
        () -> {
          cases.internal(caseId, actor, "the budget");
          return Affordability.of(budgets.latest(caseId), plans.ofCase(caseId), today());
        });
  }

  public Plan propose(CaseId caseId, PlanProposal proposal, Actor actor) {
    return transactions.inOne(
        () -> {
          cases.changeable(caseId, actor);
          var covered = coveredDebts(caseId, proposal.debts());
          var currency = covered.getFirst().amounts().currency();
          var total = proposal.agreedTotal();
          if (!total.currency().equals(currency)) {
            throw new InvalidInput(
                "agreedTotal",
                "the debts are in " + currency.getCurrencyCode(),
                Message.of("refusal.debts-are-in", "currency", currency.getCurrencyCode()));
          }
          if (!total.isPositive()) {
            throw new InvalidInput(
                "agreedTotal",
                "the agreed total must be more than zero",
                org.clearpath.domain.shared.Message.of("input.positive"));
          }
          var kind = proposal.kind();
          if (proposal.instalments() < 1 || proposal.instalments() > kind.maxInstalments()) {
            throw new InvalidInput(
                "instalments",
                kind == PlanKind.SETTLEMENT
                    ? "a one-off settlement is one payment"
                    : "between 1 and " + kind.maxInstalments() + " monthly instalments",
                kind == PlanKind.SETTLEMENT
                    ? Message.of("refusal.settlement-is-one-payment")
                    : Message.of("input.whole-number", "min", 1, "max", kind.maxInstalments()));
          }
          var today = today();
          if (proposal.firstDue() == null
              || proposal.firstDue().isBefore(today.minusYears(1))
              || proposal.firstDue().isAfter(today.plusYears(1))) {
            throw new InvalidInput(
                "firstDue",
                "the first payment falls within a year of today",
                Message.of("refusal.the-first-payment-falls-within-a-year"));
          }
          var balance = Money.zero(currency);
          var balances = new LinkedHashMap<DebtId, Money>();
          for (var debt : covered) {
            balances.put(debt.id(), debt.outstanding());
            balance = balance.plus(debt.outstanding());
          }
          if (!balance.isPositive()) {
            throw new InvalidInput(
                "debtIds",
                "nothing is outstanding on these debts",
                Message.of("refusal.nothing-is-outstanding-on-these-debts"));
          }
          var waived = Money.zero(currency);
          for (int i = 0; i < proposal.waivers().size(); i++) {
            var waiver = proposal.waivers().get(i);
            if (!waiver.amount().currency().equals(currency) || !waiver.amount().isPositive()) {
              throw new InvalidInput(
                  "waivers[" + i + "].amount",
                  "more than zero, in " + currency.getCurrencyCode(),
                  Message.of(
                      "refusal.waiver-more-than-zero", "currency", currency.getCurrencyCode()));
            }
            waived = waived.plus(waiver.amount());
          }
          if (waived.compareTo(balance) > 0) {
            throw new InvalidInput(
                "waivers",
                "more is waived than is outstanding (" + balance + ")",
                Message.of("refusal.waived-more-than-outstanding", "balance", balance));
          }
          var terms = proposal.terms() == null ? "" : proposal.terms().strip();
          if (terms.length() > MAX_TERMS) {
            throw new InvalidInput(
                "terms",
                "at most " + MAX_TERMS + " characters",
                org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_TERMS));
          }
          var schedule = Schedules.monthly(total, proposal.instalments(), proposal.firstDue());
          var shares = ProRata.split(total, balances);
          var planDebts =
              covered.stream()
                  .map(d -> new PlanDebt(d.id(), d.label(), d.outstanding(), shares.get(d.id())))
                  .toList();
          var plan =
              new Plan(
                  UUID.randomUUID(),
                  caseId,
                  kind,
                  planDebts,
                  proposal.waivers(),
                  total,
                  terms,
                  schedule,
                  PlanStatus.PROPOSED,
                  null,
                  null,
                  null,
                  today,
                  List.of(),
                  actor.id(),
                  actor.username(),
                  cases.now(),
                  0);
          plans.add(plan);
          var details = describe(plan);
          details.put("instalments", String.valueOf(schedule.size()));
          details.put("firstDue", proposal.firstDue().toString());
          details.put("waived", waived.toString());
          cases.audit(caseId, actor, "plan.proposed", details);
          // a proposal waiving much waits for a supervisor before it can be agreed
          var principalWaived =
              proposal.waivers().stream()
                  .filter(w -> w.kind() == WaiverKind.PRINCIPAL)
                  .map(Waiver::amount)
                  .reduce(Money.zero(currency), Money::plus);
          var principal =
              covered.stream()
                  .map(d -> d.amounts().principal())
                  .reduce(Money.zero(currency), Money::plus);
          var needed = approvalPolicy.why(waived, principalWaived, principal);
          if (needed.isPresent()) {
            approvals.add(
                new PlanApproval(
                    plan.id(),
                    PlanApproval.Status.PENDING,
                    needed.get(),
                    cases.now(),
                    null,
                    null,
                    null,
                    0));
            var asked = new java.util.HashMap<String, String>(needed.get().params());
            asked.put("plan", plan.id().toString());
            asked.put("reasonCode", needed.get().code());
            cases.audit(caseId, actor, "plan.approval-requested", asked);
          }
          return plan;
        });
  }

  private List<Debt> coveredDebts(CaseId caseId, List<DebtId> ids) {
    if (ids.isEmpty()) {
      throw new InvalidInput(
          "debtIds",
          "choose the debts the plan covers",
          Message.of("refusal.choose-the-debts-the-plan-covers"));
    }
    if (ids.size() > MAX_DEBTS) {
      throw new InvalidInput(
          "debtIds",
          "at most " + MAX_DEBTS + " debts",
          Message.of("refusal.at-most-debts", "max", MAX_DEBTS));
    }
    var taken = new HashSet<DebtId>();
    for (var plan : plans.ofCase(caseId)) {
      if (plan.status().open()) {
        plan.debts().forEach(d -> taken.add(d.debt()));
      }
    }
    var seen = new HashSet<DebtId>();
    var covered = new ArrayList<Debt>();
    for (int i = 0; i < ids.size(); i++) {
      var field = "debtIds[" + i + "]";
      var debt =
          debts
              .find(ids.get(i))
              .filter(d -> d.caseId().equals(caseId))
              .orElseThrow(
                  () ->
                      new InvalidInput(
                          field,
                          "not a debt of this case",
                          org.clearpath.domain.shared.Message.of("input.not-of-case")));
      if (!seen.add(debt.id())) {
        throw new InvalidInput(
            field, "listed twice", org.clearpath.domain.shared.Message.of("input.twice"));
      }
      if (!debt.status().isOpen()) {
        throw new InvalidInput(
            field, "the debt is closed", Message.of("refusal.the-debt-is-closed"));
      }
      if (taken.contains(debt.id())) {
        throw new InvalidInput(
            field,
            "the debt is already in an open plan",
            Message.of("refusal.the-debt-is-already-in-an-open"));
      }
      if (!covered.isEmpty()
          && !covered.getFirst().amounts().currency().equals(debt.amounts().currency())) {
        throw new InvalidInput(
            field,
            "every debt of a plan is in one currency",
            Message.of("refusal.every-debt-of-a-plan-is-in"));
      }
      covered.add(debt);
    }
    return covered;
  }

  /** The signed written agreement makes a proposal agreed (never a verbal one). */
  public Plan agree(UUID id, LocalDate agreedOn, UUID agreementFile, long version, Actor actor) {
    return transactions.inOne(
        () -> {
          var plan = changeable(id, version, actor);
          if (plan.status() != PlanStatus.PROPOSED) {
            throw new InvalidInput(
                "status",
                "only a proposed plan can be agreed",
                Message.of("refusal.only-a-proposed-plan-can-be-agreed"));
          }
          var approval = approvals.find(id);
          if (approval.isPresent() && approval.get().status() != PlanApproval.Status.APPROVED) {
            throw new org.clearpath.domain.shared.WrongState(
                "the proposal waits for a supervisor's approval", approval.get().status());
          }
          if (agreedOn == null || agreedOn.isAfter(today())) {
            throw new InvalidInput(
                "agreedOn",
                "the day it was signed, today at the latest",
                Message.of("refusal.the-day-it-was-signed-today-at"));
          }
          if (agreementFile == null) {
            throw new InvalidInput(
                "agreementFileId",
                "attach the signed agreement",
                Message.of("refusal.attach-the-signed-agreement"));
          }
          files
              .find(agreementFile)
              .filter(f -> f.caseId().equals(plan.caseId()))
              .orElseThrow(
                  () ->
                      new InvalidInput(
                          "agreementFileId",
                          "not a file of this case",
                          Message.of("refusal.not-a-file-of-this-case")));
          var agreed = plan.agree(agreedOn, agreementFile).activeIfDue(today());
          plans.update(agreed);
          var details = describe(agreed);
          details.put("agreedOn", agreedOn.toString());
          details.put("agreement", agreementFile.toString());
          cases.audit(plan.caseId(), actor, "plan.agreed", details);
          return fresh(id);
        });
  }

  /** The approval a proposal needs, if it needs one. */
  public java.util.Optional<PlanApproval> approval(UUID planId) {
    return approvals.find(planId);
  }

  /** The approvals of these plans, read together. */
  public Map<UUID, PlanApproval> approvals(java.util.Collection<UUID> planIds) {
    return approvals.ofPlans(planIds);
  }

  /**
   * A supervisor approves a pending proposal, or returns it with a reason (the counselor then
   * withdraws it or proposes anew); audited.
   */
  public PlanApproval decide(UUID planId, boolean approve, String note, long version, Actor actor) {
    if (!actor.is(org.clearpath.domain.shared.Role.SUPERVISOR)) {
      throw new org.clearpath.domain.shared.NotPermitted("a supervisor approves proposals");
    }
    return transactions.inOne(
        () -> {
          var plan = plans.find(planId).orElseThrow(() -> new NotFound("plan " + planId));
          cases.internal(plan.caseId(), actor, "a plan's approval");
          var approval =
              approvals
                  .find(planId)
                  .orElseThrow(
                      () ->
                          new InvalidInput(
                              "decision",
                              "this proposal needs no approval",
                              Message.of("refusal.plan-needs-no-approval")));
          if (approval.status() != PlanApproval.Status.PENDING
              || plan.status() != PlanStatus.PROPOSED) {
            throw new org.clearpath.domain.shared.WrongState(
                "only a pending approval is decided", approval.status());
          }
          var text = note == null ? "" : note.strip();
          if (!approve && text.isEmpty()) {
            throw new InvalidInput("note", "say why it goes back", Message.of("input.reason"));
          }
          if (text.length() > MAX_REASON) {
            throw new InvalidInput(
                "note",
                "at most " + MAX_REASON + " characters",
                Message.of("input.max-length", "max", MAX_REASON));
          }
          var decided =
              approval.decided(
                  approve ? PlanApproval.Status.APPROVED : PlanApproval.Status.RETURNED,
                  actor.username(),
                  cases.now(),
                  text.isEmpty() ? null : text);
          approvals.decide(decided, version);
          var details = describe(plan);
          if (!text.isEmpty()) {
            details.put("note", text);
          }
          cases.audit(plan.caseId(), actor, approve ? "plan.approved" : "plan.returned", details);
          return approvals.find(planId).orElseThrow();
        });
  }

  public Plan withdraw(UUID id, String reason, long version, Actor actor) {
    return transactions.inOne(
        () -> {
          var plan = changeable(id, version, actor);
          if (plan.status() != PlanStatus.PROPOSED) {
            throw new InvalidInput(
                "status",
                "only a proposed plan can be withdrawn",
                Message.of("refusal.only-a-proposed-plan-can-be-withdrawn"));
          }
          var withdrawn = plan.withdraw(reason(reason), today());
          plans.update(withdrawn);
          var details = describe(withdrawn);
          details.put("reason", withdrawn.statusReason());
          cases.audit(plan.caseId(), actor, "plan.withdrawn", details);
          return fresh(id);
        });
  }

  /** The counselor records that the plan broke (e.g. the lender cancelled it). */
  public Plan breakOff(UUID id, String reason, long version, Actor actor) {
    return transactions.inOne(
        () -> {
          var plan = changeable(id, version, actor);
          if (!plan.status().inForce()) {
            throw new InvalidInput(
                "status",
                "only an agreed or active plan can break",
                Message.of("refusal.only-an-agreed-or-active-plan-can"));
          }
          var broken = plan.breakOff(reason(reason), today());
          plans.update(broken);
          var details = describe(broken);
          details.put("reason", broken.statusReason());
          cases.audit(plan.caseId(), actor, "plan.broken", details);
          return fresh(id);
        });
  }

  public Plan pay(UUID id, LocalDate paidOn, Money amount, String note, long version, Actor actor) {
    return transactions.inOne(
        () -> {
          var plan = changeable(id, version, actor);
          if (!plan.status().inForce()) {
            throw new InvalidInput(
                "status",
                "payments are recorded against an agreed or active plan",
                Message.of("refusal.payments-are-recorded-against-an-agreed-or"));
          }
          if (paidOn == null || paidOn.isAfter(today())) {
            throw new InvalidInput(
                "paidOn",
                "the day it was paid, today at the latest",
                Message.of("refusal.the-day-it-was-paid-today-at"));
          }
          if (note != null && note.length() > MAX_REASON) {
            throw new InvalidInput(
                "note",
                "at most " + MAX_REASON + " characters",
                org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_REASON));
          }
          var payment =
              new PlanPayment(
                  UUID.randomUUID(),
                  paidOn,
                  amount,
                  note,
                  actor.id(),
                  actor.username(),
                  cases.now());
          var paid = plan.pay(payment);
          plans.update(paid);
          repayDebts(plan, payment);
          var details = describe(paid);
          details.put("paidOn", paidOn.toString());
          details.put("amount", amount.toString());
          details.put("remaining", paid.remaining().toString());
          cases.audit(plan.caseId(), actor, "plan.payment-recorded", details);
          if (paid.status() == PlanStatus.COMPLETED) {
            settleDebts(paid);
            cases.audit(plan.caseId(), actor, "plan.completed", describe(paid));
          }
          return fresh(id);
        });
  }

  private void repayDebts(Plan plan, PlanPayment payment) {
    var parts =
        ProRata.split(payment.amount(), plan.debts().stream().map(PlanDebt::share).toList());
    for (int i = 0; i < plan.debts().size(); i++) {
      if (parts.get(i).isPositive()) {
        var debt = debts.find(plan.debts().get(i).debt()).orElseThrow();
        debts.addRepayment(
            debt.id(), new Repayment(payment.paidOn(), parts.get(i)), debt.version());
      }
    }
  }

  private void settleDebts(Plan plan) {
    for (var covered : plan.debts()) {
      var debt = debts.find(covered.debt()).orElseThrow();
      if (debt.status().isOpen()) {
        debts.changeStatus(debt.id(), DebtStatus.SETTLED, debt.version());
      }
    }
  }

  /**
   * The supervisor's list (their teams' cases): plans with missed instalments still unpaid, and
   * recently broken ones.
   */
  public RiskPage risks(Actor actor, int page, int size) {
    if (!actor.is(Role.SUPERVISOR)) {
      throw new NotPermitted("the risk list is for supervisors");
    }
    return transactions.readOnly(
        () -> {
          var today = today();
          record AtRisk(Plan plan, List<InstalmentStanding> missed) {}
          var atRisk = new ArrayList<AtRisk>();
          for (var plan : plans.atRisk(today.minusDays(90), cases.reachOf(actor))) {
            var missed = plan.missed(today);
            if (!plan.status().inForce() || !missed.isEmpty()) {
              atRisk.add(new AtRisk(plan, missed));
            }
          }
          // only the page's plans need their case read
          var from = Math.min(atRisk.size(), page * size);
          var onPage = atRisk.subList(from, Math.min(atRisk.size(), from + size));
          var casesOnPage = new java.util.HashMap<CaseId, org.clearpath.domain.casefile.CaseFile>();
          cases
              .caseFiles()
              .findAll(onPage.stream().map(r -> r.plan().caseId()).toList())
              .forEach(c -> casesOnPage.put(c.id(), c));
          var risks = new ArrayList<PlanRisk>();
          for (var risk : onPage) {
            var plan = risk.plan();
            var missed = risk.missed();
            var caseFile = casesOnPage.get(plan.caseId());
            risks.add(
                new PlanRisk(
                    plan,
                    caseFile.clientName().value(),
                    caseFile.counselorName(),
                    missed.size(),
                    missed.stream().map(s -> s.instalment().dueOn()).findFirst(),
                    missed.stream()
                        .map(InstalmentStanding::unpaid)
                        .reduce(plan.zero(), Money::plus)));
          }
          return new RiskPage(risks, atRisk.size());
        });
  }

  /** One page of the risk list and how many plans are on it in all. */
  public record RiskPage(List<PlanRisk> risks, int total) {}

  private Plan fresh(UUID id) {
    return plans.find(id).orElseThrow();
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInput(
          "reason", "say why", org.clearpath.domain.shared.Message.of("input.reason"));
    }
    if (reason.length() > MAX_REASON) {
      throw new InvalidInput(
          "reason",
          "at most " + MAX_REASON + " characters",
          org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_REASON));
    }
    return reason.strip();
  }

  /** What the audit trail says of a plan: its id, kind, status, agreed total and debts. */
  public static Map<String, String> describe(Plan plan) {
    var details = new LinkedHashMap<String, String>();
    details.put("plan", plan.id().toString());
    details.put("kind", plan.kind().name());
    details.put("status", plan.status().name());
    details.put("agreedTotal", plan.agreedTotal().toString());
    details.put("debts", String.join(", ", plan.debts().stream().map(PlanDebt::label).toList()));
    return details;
  }
}
