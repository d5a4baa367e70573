package org.clearpath.api.debt;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.casefile.CaseAccessPolicy;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.debt.Debts;
import org.clearpath.domain.debt.Lenders;
import org.clearpath.domain.debt.RecordingDebts;

@Factory
class DebtConfiguration {

  @Singleton
  RecordingDebts recordingDebts(
      CaseFiles caseFiles,
      Debts debts,
      Lenders lenders,
      AuditTrail auditTrail,
      CaseAccessPolicy policy,
      Clock clock) {
    return new RecordingDebts(caseFiles, debts, lenders, auditTrail, policy, clock);
  }
}
