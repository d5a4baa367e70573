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
import org.clearpath.domain.stage.StageHistory;

/** Transactions around debt changes; the case's stage is brought up to date in the same one. */
@Singleton
public class DebtService {
  private final RecordingDebts recording;
  private final StageHistory stages;
  private final StageSettings settings;
  private final Clock clock;

  DebtService(RecordingDebts recording, StageHistory stages, StageSettings settings, Clock clock) {
    this.recording = recording;
    this.stages = stages;
    this.settings = settings;
    this.clock = clock;
  }

  public LocalDate today() {
    return settings.today(clock);
  }

  @ReadOnly
  public List<Debt> ofCase(CaseId caseId, Actor actor) {
    return recording.ofCase(caseId, actor);
  }

  @ReadOnly
  public Debt get(DebtId id, Actor actor) {
    return recording.get(id, actor);
  }

  @Transactional
  public Debt add(CaseId caseId, NewDebt command, Actor actor) {
    var debt = recording.add(caseId, command, actor);
    stages.recordStageOn(caseId, today(), settings.thresholds());
    return debt;
  }

  @Transactional
  public Debt repay(DebtId id, Repayment repayment, long version, Actor actor) {
    var debt = recording.repay(id, repayment, version, actor);
    stages.recordStageOn(debt.caseId(), today(), settings.thresholds());
    return debt;
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
    var debt = recording.changeStatus(id, status, version, actor);
    stages.recordStageOn(debt.caseId(), today(), settings.thresholds());
    return debt;
  }
}
