package org.clearpath.api.casefile;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.casefile.CaseAccessPolicy;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.casefile.OpeningCase;
import org.clearpath.domain.casefile.ViewingCases;
import org.clearpath.domain.shared.CaseId;

/** Explicit wiring of the case-file use cases, so that the domain needs no DI annotations. */
@Factory
class CaseFileConfiguration {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  CaseAccessPolicy caseAccessPolicy(org.clearpath.domain.shared.Oversight oversight) {
    return new CaseAccessPolicy(oversight);
  }

  @Singleton
  OpeningCase openingCase(
      CaseFiles caseFiles, AuditTrail auditTrail, CaseAccessPolicy policy, Clock clock) {
    return new OpeningCase(caseFiles, auditTrail, policy, clock, CaseId::random);
  }

  @Singleton
  org.clearpath.domain.casefile.GuardedCases guardedCases(
      CaseFiles caseFiles,
      CaseAccessPolicy policy,
      AuditTrail auditTrail,
      org.clearpath.domain.audit.AccessLog accessLog,
      Clock clock) {
    return new org.clearpath.domain.casefile.GuardedCases(
        caseFiles, policy, auditTrail, accessLog, clock);
  }

  @Singleton
  org.clearpath.domain.casefile.UpdatingCase updatingCase(
      org.clearpath.domain.casefile.GuardedCases cases,
      org.clearpath.domain.shared.Transactions transactions) {
    return new org.clearpath.domain.casefile.UpdatingCase(cases, transactions);
  }

  @Singleton
  ViewingCases viewingCases(
      CaseFiles caseFiles,
      CaseAccessPolicy policy,
      org.clearpath.domain.casefile.GuardedCases guarded) {
    return new ViewingCases(caseFiles, policy, guarded);
  }
}
