package org.clearpath.api.debt;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.debt.Debt;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.DebtStatus;
import org.clearpath.domain.debt.NewDebt;
import org.clearpath.domain.debt.RecordingDebts;
import org.clearpath.domain.debt.Repayment;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;

/**
 * Transactions around debt changes; the case's stage follows in the same one ({@link
 * org.clearpath.domain.shared.StandingChanges}).
 */
@Singleton
public class DebtService {
  private final RecordingDebts recording;
  private final StageSettings settings;
  private final Clock clock;
  private final org.clearpath.domain.plan.Plans plans;

  DebtService(
      RecordingDebts recording,
      StageSettings settings,
      Clock clock,
      org.clearpath.domain.plan.Plans plans) {
    this.recording = recording;
    this.plans = plans;
    this.settings = settings;
    this.clock = clock;
  }

  public LocalDate today() {
    return settings.today(clock);
  }

  /** A case's debts and the plans that may cover them, as the debts list shows them. */
  public record WithPlans(List<Debt> debts, List<org.clearpath.domain.plan.Plan> plans) {}

  /** The case's debts and, when there are any, its plans: one read-only transaction. */
  @ReadOnly
  public WithPlans ofCase(CaseId caseId, Actor actor) {
    var debts = recording.ofCase(caseId, actor);
    return new WithPlans(debts, debts.isEmpty() ? List.of() : plans.ofCase(caseId));
  }

  @ReadOnly
  public Debt get(DebtId id, Actor actor) {
    return recording.get(id, actor);
  }

  @Transactional
  public Debt add(CaseId caseId, NewDebt command, Actor actor) {
    return recording.add(caseId, command, actor);
  }

  @Transactional
  public Debt repay(DebtId id, Repayment repayment, long version, Actor actor) {
    return recording.repay(id, repayment, version, actor);
  }

  @Transactional
  public Debt correct(
      DebtId id,
      String product,
      org.clearpath.domain.debt.Amounts amounts,
      long version,
      Actor actor) {
    return recording.correct(id, product, amounts, version, actor);
  }

  @Transactional
  public Debt changeStatus(DebtId id, DebtStatus status, long version, Actor actor) {
    return recording.changeStatus(id, status, version, actor);
  }
}
