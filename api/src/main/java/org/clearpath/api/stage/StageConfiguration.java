package org.clearpath.api.stage;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.stage.ChecklistTicks;
import org.clearpath.domain.stage.LegalMilestones;
import org.clearpath.domain.stage.RecordingLegalMilestones;
import org.clearpath.domain.stage.WorkingTheStage;

@Factory
class StageConfiguration {

  @Singleton
  WorkingTheStage workingTheStage(
      GuardedCases cases,
      ChecklistTicks ticks,
      WorkingTheStage.ManualStages manualStages,
      org.clearpath.domain.shared.Transactions transactions) {
    return new WorkingTheStage(cases, ticks, manualStages, transactions);
  }

  @Singleton
  RecordingLegalMilestones recordingLegalMilestones(
      GuardedCases cases,
      LegalMilestones milestones,
      org.clearpath.domain.shared.Transactions transactions) {
    return new RecordingLegalMilestones(cases, milestones, transactions);
  }
}
