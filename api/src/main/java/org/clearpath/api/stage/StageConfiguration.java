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
  RecordingLegalMilestones recordingLegalMilestones(
      CaseFiles caseFiles,
      LegalMilestones milestones,
      AuditTrail auditTrail,
      CaseAccessPolicy policy,
      Clock clock) {
    return new RecordingLegalMilestones(caseFiles, milestones, auditTrail, policy, clock);
  }
}
