package org.clearpath.domain.stage;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Stage;

/**
 * A case's overdue stage on a given day: legal while any legal milestone is in force; otherwise the
 * worst stage among its open debts by days past due; resolved when it has debts and none is open;
 * current when it has no debts yet.
 */
public final class StagePolicy {
  private final StageThresholds thresholds;

  public StagePolicy(StageThresholds thresholds) {
    this.thresholds = thresholds;
  }

  public StageThresholds thresholds() {
    return thresholds;
  }

  public StageAssessment debtStage(DebtStanding debt, LocalDate asOf) {
    if (!debt.open()) {
      return new StageAssessment(
          Stage.RESOLVED,
          debt.label() + " is closed",
          Message.of("stage.debt-closed", "lender", debt.label()));
    }
    var dpd = debt.daysPastDue(asOf);
    return dpd == 0
        ? new StageAssessment(
            thresholds.stageFor(dpd),
            debt.label() + " has nothing past due",
            Message.of("stage.nothing-past-due", "lender", debt.label()))
        : new StageAssessment(
            thresholds.stageFor(dpd),
            debt.label() + " is " + dpd + " days past due",
            Message.of("stage.days-past-due", "lender", debt.label(), "days", dpd));
  }

  public StageAssessment caseStage(
      List<DebtStanding> debts, List<LegalMilestone> milestones, LocalDate asOf) {
    var legal =
        milestones.stream()
            .filter(m -> m.inForceOn(asOf))
            .min(Comparator.comparing(LegalMilestone::on));
    if (legal.isPresent()) {
      var m = legal.get();
      return new StageAssessment(
          Stage.LEGAL,
          "legal: " + m.kind() + " since " + m.on(),
          Message.of("stage.legal", "kind", m.kind(), "since", m.on()));
    }
    if (debts.isEmpty()) {
      return new StageAssessment(
          Stage.CURRENT, "no debts recorded yet", Message.of("stage.no-debts"));
    }
    // the most overdue open debt decides (the stage only grows with days past due)
    return debts.stream()
        .filter(DebtStanding::open)
        .max(Comparator.comparingInt(debt -> debt.daysPastDue(asOf)))
        .map(debt -> debtStage(debt, asOf))
        .orElse(
            new StageAssessment(
                Stage.RESOLVED, "every debt is closed", Message.of("stage.all-closed")));
  }
}
