package org.clearpath.api.harassment;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.contact.ContactLog;
import org.clearpath.domain.contact.LoggingContacts;
import org.clearpath.domain.debt.Debts;
import org.clearpath.domain.debt.Lenders;
import org.clearpath.domain.evidence.EvidenceFiles;
import org.clearpath.domain.evidence.HandlingEvidence;
import org.clearpath.domain.harassment.ComplaintBody;
import org.clearpath.domain.harassment.Complaints;
import org.clearpath.domain.harassment.Flagging;
import org.clearpath.domain.harassment.Flags;
import org.clearpath.domain.harassment.HandlingComplaints;
import org.clearpath.domain.harassment.RulePacks;

@Factory
class HarassmentConfiguration {

  @Singleton
  LoggingContacts loggingContacts(
      GuardedCases cases,
      ContactLog log,
      Lenders lenders,
      Debts debts,
      org.clearpath.domain.shared.Transactions transactions) {
    return new LoggingContacts(cases, log, lenders, debts, transactions);
  }

  @Singleton
  org.clearpath.domain.harassment.JudgingFindings judgingFindings(
      Flagging flagging,
      org.clearpath.domain.harassment.KeptFindings kept,
      org.clearpath.domain.shared.Transactions transactions) {
    return new org.clearpath.domain.harassment.JudgingFindings(flagging, kept, transactions);
  }

  @Singleton
  HandlingEvidence handlingEvidence(
      GuardedCases cases,
      EvidenceFiles files,
      ContactLog log,
      @Value("${clearpath.evidence.max-bytes:20971520}") long maxBytes,
      org.clearpath.domain.shared.Transactions transactions) {
    return new HandlingEvidence(cases, files, log, maxBytes, transactions);
  }

  /** The packs the office judges contacts by; an invalid one stops the app at start. */
  @Singleton
  @io.micronaut.context.annotation.Context
  RulePacks rulePacks(HarassmentSettings settings, io.micronaut.context.env.Environment env) {
    return settings.packs(env);
  }

  @Singleton
  Flagging flagging(
      GuardedCases cases,
      ContactLog log,
      EvidenceFiles files,
      Flags flags,
      RulePacks packs,
      Lenders lenders,
      org.clearpath.domain.shared.Transactions transactions) {
    return new Flagging(cases, log, files, flags, packs, lenders, transactions);
  }

  @Singleton
  HandlingComplaints handlingComplaints(
      GuardedCases cases,
      Complaints complaints,
      Flags flags,
      ContactLog log,
      EvidenceFiles files,
      HandlingEvidence evidence,
      Lenders lenders,
      List<ComplaintBodySettings> configured,
      Flagging flagging,
      org.clearpath.domain.shared.Transactions transactions) {
    var bodies =
        configured.isEmpty()
            ? ComplaintBody.mainlandChina()
            : configured.stream()
                .map(
                    b ->
                        new ComplaintBody(
                            b.code(), b.nameZh(), b.nameEn(), b.contact(), b.answerDays()))
                .sorted(Comparator.comparing(ComplaintBody::code))
                .toList();
    return new HandlingComplaints(
        cases,
        complaints,
        flags,
        log,
        files,
        evidence,
        lenders,
        bodies,
        flagging.packs(),
        transactions);
  }
}
