package org.clearpath.domain.stage;

import java.util.LinkedHashMap;
import java.util.List;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * Use case: the case's counselor records a lawsuit, judgment, enforcement or listing, audited in
 * the same transaction, where the case's stage follows too.
 */
public final class RecordingLegalMilestones {
  private final GuardedCases cases;
  private final LegalMilestones milestones;
  private final org.clearpath.domain.shared.Transactions transactions;

  public RecordingLegalMilestones(
      GuardedCases cases,
      LegalMilestones milestones,
      org.clearpath.domain.shared.Transactions transactions) {
    this.cases = cases;
    this.milestones = milestones;
    this.transactions = transactions;
  }

  public List<LegalMilestone> ofCase(CaseId caseId, Actor actor) {
    return milestones.ofCase(cases.visible(caseId, actor).id());
  }

  /** Records the step; {@code today} is the calendar day in the office's zone. */
  public void record(
      CaseId caseId, LegalMilestone milestone, java.time.LocalDate today, Actor actor) {
    transactions.inOne(
        () -> {
          cases.changeable(caseId, actor);
          if (milestone.on().isAfter(today)) {
            throw new InvalidInput(
                "on",
                "a legal step is recorded once it has happened",
                Message.of("refusal.a-legal-step-is-recorded-once-it"));
          }
          milestones.add(caseId, milestone);
          var details = new LinkedHashMap<String, String>();
          details.put("kind", milestone.kind().name());
          details.put("on", milestone.on().toString());
          if (milestone.endedOn() != null) {
            details.put("endedOn", milestone.endedOn().toString());
          }
          cases.audit(caseId, actor, "legal.recorded", details);
          return null;
        });
  }
}
