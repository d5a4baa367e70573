package org.clearpath.api.stage;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.casefile.CaseAccessPolicy;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.stage.LegalMilestones;
import org.clearpath.domain.stage.RecordingLegalMilestones;

@Factory
class StageConfiguration {

  @Singleton
  org.clearpath.domain.stage.WorkingTheStage workingTheStage(
      CaseFiles caseFiles,
      org.clearpath.domain.stage.ChecklistTicks ticks,
      org.clearpath.domain.stage.WorkingTheStage.ManualStages manualStages,
      AuditTrail auditTrail,
      CaseAccessPolicy policy,
      Clock clock) {
    return new org.clearpath.domain.stage.WorkingTheStage(
        caseFiles, ticks, manualStages, auditTrail, policy, clock);
  }

  @Singleton
  RecordingLegalMilestones recordingLegalMilestones(
      CaseFiles caseFiles,
      LegalMilestones milestones,
      AuditTrail auditTrail,
      CaseAccessPolicy policy,
      Clock clock) {
    return new RecordingLegalMilestones(caseFiles, milestones, auditTrail, policy, clock);
  }
}
