package org.clearpath.domain.casefile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;

/**
 * Use cases on an open case: the counselor keeps the client record and the case status (with a
 * reason) up to date; a supervisor reassigns the case; staff reveal the full ID number when they
 * need it. Every change and every reveal is audited; the ID number only ever masked. Changes carry
 * the version the actor read ({@link org.clearpath.domain.shared.StaleVersion} otherwise).
 */
public final class UpdatingCase {
  private final GuardedCases cases;
  private final CaseFiles caseFiles;
  private final org.clearpath.domain.shared.Transactions transactions;

  public UpdatingCase(GuardedCases cases, org.clearpath.domain.shared.Transactions transactions) {
    this.cases = cases;
    this.transactions = transactions;
    this.caseFiles = cases.caseFiles();
  }

  public CaseFile updateClientRecord(CaseId id, ClientRecord record, long version, Actor actor) {
    return transactions.inOne(
        () -> {
          var before = cases.changeable(id, actor);
          var after = caseFiles.update(at(before.withClient(record), version));
          var details = new LinkedHashMap<String, String>();
          details.put("before", before.client().describeMasked());
          details.put("after", after.client().describeMasked());
          details.put(
              "householdNotes",
              java.util.Objects.equals(
                      before.client().householdNotes(), after.client().householdNotes())
                  ? "unchanged"
                  : "changed");
          audit(after, actor, "case.client-record", details);
          return after;
        });
  }

  public CaseFile changeStatus(
      CaseId id, CaseStatus status, String reason, long version, Actor actor) {
    return transactions.inOne(
        () -> {
          if (reason == null || reason.isBlank()) {
            throw new InvalidInput(
                "reason",
                "say why the status changes",
                org.clearpath.domain.shared.Message.of("input.reason"));
          }
          if (reason.length() > 1000) {
            throw new InvalidInput(
                "reason",
                "the reason is limited to 1000 characters",
                Message.of("input.max-length", "max", 1000));
          }
          var before = cases.changeable(id, actor);
          var after = caseFiles.update(at(before.withStatus(status, reason.strip()), version));
          audit(
              after,
              actor,
              "case.status",
              Map.of(
                  "before",
                  before.status().name(),
                  "after",
                  status.name(),
                  "reason",
                  reason.strip()));
          return after;
        });
  }

  public CaseFile reassign(
      CaseId id, UserId counselor, String counselorName, long version, Actor actor) {
    if (!actor.is(Role.SUPERVISOR)) {
      throw new NotPermitted("supervisors reassign cases");
    }
    return transactions.inOne(
        () -> {
          var before = cases.visible(id, actor);
          var after = caseFiles.update(at(before.assignedTo(counselor, counselorName), version));
          audit(
              after,
              actor,
              "case.reassigned",
              Map.of("before", before.counselorName(), "after", counselorName));
          return after;
        });
  }

  /** The full ID number, for the case's counselor and supervisors; the look is audited. */
  public String revealIdNumber(CaseId id, Actor actor) {
    return transactions.inOne(
        () -> {
          var caseFile = cases.internal(id, actor, "the full ID number");
          var number = caseFile.client().idNumber();
          if (number == null) {
            throw new NotFound("ID number of case " + id);
          }
          audit(
              caseFile,
              actor,
              "case.id-number-revealed",
              Map.of("idNumber", caseFile.client().idNumberMasked()));
          return number;
        });
  }

  private static CaseFile at(CaseFile changed, long version) {
    return changed.atVersion(version);
  }

  private void audit(CaseFile caseFile, Actor actor, String action, Map<String, String> details) {
    cases.audit(caseFile.id(), actor, action, details);
  }
}
