package org.clearpath.domain.wellbeing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Transactions;
import org.clearpath.domain.task.Task;
import org.clearpath.domain.task.TaskKind;
import org.clearpath.domain.task.Tasks;

/**
 * Use case: the case's counselor records a wellbeing check; a crisis answer raises an urgent task
 * for the case's supervisor in the same transaction as the check and its audit entry. Counselors
 * and supervisors read the history; the client never does.
 */
public final class CheckingWellbeing {
  private final GuardedCases cases;
  private final WellbeingChecks checks;
  private final Tasks tasks;
  private final Transactions transactions;

  public CheckingWellbeing(
      GuardedCases cases, WellbeingChecks checks, Tasks tasks, Transactions transactions) {
    this.cases = cases;
    this.checks = checks;
    this.tasks = tasks;
    this.transactions = transactions;
  }

  /** The answers as the counselor gives them. */
  public record Answers(
      WellbeingCheck.Occasion occasion,
      int stress,
      int sleep,
      int shame,
      WellbeingCheck.SelfHarm selfHarm,
      String note) {}

  public WellbeingCheck record(CaseId caseId, Answers answers, Actor actor) {
    return transactions.inOne(
        () -> {
          cases.changeable(caseId, actor);
          var now = cases.now();
          var check =
              new WellbeingCheck(
                  UUID.randomUUID(),
                  caseId,
                  answers.occasion(),
                  answers.stress(),
                  answers.sleep(),
                  answers.shame(),
                  answers.selfHarm(),
                  answers.note(),
                  now,
                  actor.id(),
                  actor.username());
          checks.add(check);
          // the audit says a check was made and whether it was a crisis, never the answers
          cases.audit(
              caseId,
              actor,
              "wellbeing.checked",
              Map.of(
                  "occasion", check.occasion().name(), "crisis", Boolean.toString(check.crisis())));
          if (check.crisis()) {
            tasks.add(
                new Task(
                    UUID.randomUUID(),
                    caseId,
                    TaskKind.WELLBEING_CRISIS,
                    null,
                    null,
                    null,
                    null,
                    now,
                    null,
                    null));
          }
          return check;
        });
  }

  /** The case's checks, newest first: its counselor and supervisors only. */
  public List<WellbeingCheck> history(CaseId caseId, Actor actor) {
    return transactions.readOnly(
        () -> {
          cases.internal(caseId, actor, "the wellbeing checks");
          return checks.ofCase(caseId);
        });
  }
}
