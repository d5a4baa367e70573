package org.clearpath.domain.debt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearpath.domain.casefile.CaseAccess;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;

/**
 * Use cases: the case's counselor records a debt, a repayment, or a debt's closing; everyone who
 * may see the case sees its debts. Every change is audited with the values before and after. Call
 * inside one transaction.
 */
public final class RecordingDebts {
  private final GuardedCases cases;
  private final Debts debts;
  private final Lenders lenders;

  public RecordingDebts(GuardedCases cases, Debts debts, Lenders lenders) {
    this.cases = cases;
    this.debts = debts;
    this.lenders = lenders;
  }

  public List<Debt> ofCase(CaseId caseId, Actor actor) {
    cases.visible(caseId, actor);
    return debts.ofCase(caseId);
  }

  /** One debt, or {@link NotFound} when it does not exist or its case is not the actor's to see. */
  public Debt get(DebtId id, Actor actor) {
    var debt = debts.find(id).orElseThrow(() -> new NotFound("debt " + id));
    if (!cases.policy().toView(actor, caseFileOf(debt)).granted()) {
      throw new NotFound("debt " + id);
    }
    return debt;
  }

  public Debt add(CaseId caseId, NewDebt command, Actor actor) {
    var caseFile = cases.changeable(caseId, actor);
    var lender = lenders.find(command.lender()).orElseThrow(LenderId::unknown);
    var debt =
        new Debt(
            DebtId.random(),
            caseFile.id(),
            lender,
            command.product(),
            command.amounts(),
            command.dues(),
            List.of(),
            DebtStatus.OPEN,
            0);
    debts.add(debt);
    var details = new LinkedHashMap<String, String>();
    details.put("debt", debt.id().toString());
    details.put("lender", lender.name());
    details.put("total", debt.amounts().total().toString());
    details.put("dues", Integer.toString(debt.dues().size()));
    audit(caseFile, actor, "debt.added", details);
    return debt;
  }

  public Debt repay(DebtId id, Repayment repayment, long expectedVersion, Actor actor) {
    var before = debtOf(id, actor);
    if (!repayment.amount().currency().equals(before.amounts().currency())) {
      throw new InvalidInput(
          "amount",
          "the repayment must be in " + before.amounts().currency(),
          Message.of("refusal.repayment-currency", "currency", before.amounts().currency()));
    }
    debts.addRepayment(id, repayment, expectedVersion);
    var after = debts.find(id).orElseThrow();
    var details = new LinkedHashMap<String, String>();
    details.put("debt", id.toString());
    details.put("amount", repayment.amount().toString());
    details.put("paidOn", repayment.paidOn().toString());
    details.put("outstandingBefore", before.outstanding().toString());
    details.put("outstandingAfter", after.outstanding().toString());
    audit(caseFileOf(before), actor, "debt.repaid", details);
    return after;
  }

  /** Corrects what was mistyped: the product and the amounts (in the debt's currency). */
  public Debt correct(
      DebtId id, String product, Amounts amounts, long expectedVersion, Actor actor) {
    var before = debtOf(id, actor);
    if (!amounts.currency().equals(before.amounts().currency())) {
      throw new InvalidInput(
          "currency",
          "a debt keeps its currency; record a new debt instead",
          Message.of("refusal.a-debt-keeps-its-currency-record-a"));
    }
    debts.correct(
        id,
        product == null || product.isBlank() ? null : product.strip(),
        amounts,
        expectedVersion);
    var after = debts.find(id).orElseThrow();
    var details = new LinkedHashMap<String, String>();
    details.put("debt", id.toString());
    details.put("before", describe(before));
    details.put("after", describe(after));
    audit(caseFileOf(before), actor, "debt.corrected", details);
    return after;
  }

  private static String describe(Debt d) {
    var a = d.amounts();
    return "product="
        + d.product()
        + ", principal="
        + a.principal()
        + ", interest="
        + a.interest()
        + ", penaltyInterest="
        + a.penaltyInterest()
        + ", fees="
        + a.fees();
  }

  public Debt changeStatus(DebtId id, DebtStatus status, long expectedVersion, Actor actor) {
    var before = debtOf(id, actor);
    debts.changeStatus(id, status, expectedVersion);
    var details = new LinkedHashMap<String, String>();
    details.put("debt", id.toString());
    details.put("before", before.status().name());
    details.put("after", status.name());
    audit(caseFileOf(before), actor, "debt.status", details);
    return debts.find(id).orElseThrow();
  }

  private Debt debtOf(DebtId id, Actor actor) {
    var debt = get(id, actor);
    var caseFile = caseFileOf(debt);
    if (cases.policy().toChange(actor, caseFile) instanceof CaseAccess.Denied denied) {
      throw new NotPermitted(denied.why());
    }
    return debt;
  }

  private CaseFile caseFileOf(Debt debt) {
    return cases
        .caseFiles()
        .find(debt.caseId())
        .orElseThrow(() -> new NotFound("case " + debt.caseId()));
  }

  private void audit(CaseFile caseFile, Actor actor, String action, Map<String, String> details) {
    cases.audit(caseFile.id(), actor, action, details);
  }
}
