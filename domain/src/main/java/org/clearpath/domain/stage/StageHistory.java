package org.clearpath.domain.stage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Stage;

/** Every case's stage over time. Implemented in {@code persistence}. */
public interface StageHistory {

  /**
   * Works out every case's stage on {@code day} (with the same rules as {@link StagePolicy}) and
   * records each change: the open period ends, a new one starts, the change is audited. Running it
   * again for the same day changes nothing; two runs at once do the work once.
   *
   * @return how many cases changed stage
   */
  int recordStagesOn(LocalDate day, StageThresholds thresholds);

  /** The same for one case, right after its debts or legal steps changed. */
  boolean recordStageOn(CaseId caseId, LocalDate day, StageThresholds thresholds);

  /**
   * The same for some cases at once (the plan watch's); writers on other cases are not held up.
   *
   * @return how many of them changed stage
   */
  int recordStagesOf(java.util.Collection<CaseId> cases, LocalDate day, StageThresholds thresholds);

  /** A case's periods, oldest first. */
  List<StagePeriod> of(CaseId caseId);

  /** The stage a case was in on a day, if it had one recorded then. */
  Optional<Stage> stageOn(CaseId caseId, LocalDate day);
}
