package org.clearpath.domain.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.task.Task;
import org.clearpath.domain.task.TaskKind;
import org.clearpath.domain.task.Tasks;

/**
 * The daily watch over plans in force. On day {@code today} every instalment due before today and
 * not paid in full is marked missed (so an instalment due on the 10th can be paid all day on the
 * 10th and is missed on the 11th), and the counselor gets a task for it. An agreed plan whose first
 * instalment has fallen due becomes active. A plan with more unpaid missed instalments than {@code
 * missedAllowed} is broken: its debts count with their own dues again (stage tracking resumes), and
 * the counselor gets a task for that too.
 */
public final class WatchingPlans {
  static final UserId JOB = new UserId("system:plan-job");
  static final String JOB_NAME = "automatic plan watch";
  private final GuardedCases cases;
  private final Plans plans;
  private final Tasks tasks;
  private final int missedAllowed;

  public WatchingPlans(GuardedCases cases, Plans plans, Tasks tasks, int missedAllowed) {
    if (missedAllowed < 0) {
      throw new IllegalArgumentException("missedAllowed is 0 or more");
    }
    this.cases = cases;
    this.plans = plans;
    this.tasks = tasks;
    this.missedAllowed = missedAllowed;
  }

  /** What one run changed. */
  public record Run(int missed, int broken, Set<CaseId> casesChanged) {}

  public Run run(LocalDate today) {
    int missed = 0;
    int broken = 0;
    var changed = new LinkedHashSet<CaseId>();
    for (var id : plans.toWatch(today)) {
      var result = watch(id, today);
      missed += result.missed();
      broken += result.broken();
      if (result.missed() > 0 || result.broken() > 0) {
        changed.addAll(result.casesChanged());
      }
    }
    return new Run(missed, broken, changed);
  }

  /** One plan; a plan changed by someone meanwhile is left for the next run. */
  public Run watch(UUID id, LocalDate today) {
    var plan = plans.find(id).orElseThrow();
    if (!plan.status().inForce()) {
      return new Run(0, 0, Set.of());
    }
    var next = plan.activeIfDue(today).markMissed(today);
    var newlyMissed =
        next.schedule().stream()
            .filter(i -> today.equals(i.missedOn()))
            .filter(
                i ->
                    plan.schedule().stream()
                        .anyMatch(old -> old.number() == i.number() && old.missedOn() == null))
            .toList();
    var unpaidMissed = next.missed(today).size();
    var breaks = unpaidMissed > missedAllowed;
    if (breaks) {
      next =
          next.breakOff(
              unpaidMissed
                  + " instalments missed and unpaid (more than "
                  + missedAllowed
                  + " allowed)",
              today);
    }
    if (next.equals(plan)) {
      return new Run(0, 0, Set.of());
    }
    try {
      plans.update(next);
    } catch (StaleVersion e) {
      return new Run(0, 0, Set.of());
    }
    for (var instalment : newlyMissed) {
      tasks.add(
          new Task(
              UUID.randomUUID(),
              plan.caseId(),
              TaskKind.INSTALMENT_MISSED,
              plan.id(),
              instalment.number(),
              instalment.dueOn(),
              instalment.amount(),
              cases.now(),
              null,
              null));
      var details = KeepingPlans.describe(next);
      details.put("instalment", String.valueOf(instalment.number()));
      details.put("dueOn", instalment.dueOn().toString());
      details.put("amount", instalment.amount().toString());
      cases.audit(plan.caseId(), JOB, JOB_NAME, "plan.instalment-missed", details);
    }
    if (next.status() == PlanStatus.ACTIVE && plan.status() == PlanStatus.AGREED) {
      cases.audit(plan.caseId(), JOB, JOB_NAME, "plan.active", KeepingPlans.describe(next));
    }
    if (breaks) {
      tasks.add(
          new Task(
              UUID.randomUUID(),
              plan.caseId(),
              TaskKind.PLAN_BROKEN,
              plan.id(),
              null,
              null,
              null,
              cases.now(),
              null,
              null));
      var details = new LinkedHashMap<>(KeepingPlans.describe(next));
      details.put("reason", next.statusReason());
      cases.audit(plan.caseId(), JOB, JOB_NAME, "plan.broken", details);
    }
    return new Run(newlyMissed.size(), breaks ? 1 : 0, Set.of(plan.caseId()));
  }
}
