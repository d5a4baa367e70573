package org.clearpath.persistence.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.plan.Plan;
import org.clearpath.domain.plan.PlanStatus;
import org.clearpath.domain.plan.Plans;
import org.clearpath.domain.plan.WatchingPlans;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.task.Task;
import org.clearpath.domain.task.TaskKind;

/**
 * The daily plan watch as it was before it was set based: plan by plan through the domain's {@link
 * Plan} steps ({@code activeIfDue}, {@code markMissed}, {@code breakOff}) and the ports. Kept as
 * the reference that {@link JdbcPlanWatch} is compared with on random plans.
 */
public final class PlanByPlanWatch implements WatchingPlans {
  private final AuditTrail audit;
  private final Plans plans;
  private final org.clearpath.domain.task.Tasks tasks;

  public PlanByPlanWatch(AuditTrail audit, Plans plans, org.clearpath.domain.task.Tasks tasks) {
    this.audit = audit;
    this.plans = plans;
    this.tasks = tasks;
  }

  @Override
  public Run run(LocalDate today, int missedAllowed, Instant at) {
    int missed = 0;
    int broken = 0;
    var changed = new LinkedHashSet<CaseId>();
    for (var id : plans.toWatch(today)) {
      var result = watch(id, today, missedAllowed, at);
      missed += result.missed();
      broken += result.broken();
      if (result.missed() > 0 || result.broken() > 0) {
        changed.addAll(result.casesChanged());
      }
    }
    return new Run(missed, broken, changed);
  }

  /** One plan; a plan changed by someone meanwhile is left for the next run. */
  private Run watch(UUID id, LocalDate today, int missedAllowed, Instant at) {
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
              at,
              null,
              null));
      var details = org.clearpath.domain.plan.KeepingPlans.describe(next);
      details.put("instalment", String.valueOf(instalment.number()));
      details.put("dueOn", instalment.dueOn().toString());
      details.put("amount", instalment.amount().toString());
      audit(plan.caseId(), at, "plan.instalment-missed", details);
    }
    if (next.status() == PlanStatus.ACTIVE && plan.status() == PlanStatus.AGREED) {
      audit(
          plan.caseId(), at, "plan.active", org.clearpath.domain.plan.KeepingPlans.describe(next));
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
              at,
              null,
              null));
      var details = new LinkedHashMap<>(org.clearpath.domain.plan.KeepingPlans.describe(next));
      details.put("reason", next.statusReason());
      audit(plan.caseId(), at, "plan.broken", details);
    }
    return new Run(newlyMissed.size(), breaks ? 1 : 0, Set.of(plan.caseId()));
  }

  private void audit(
      org.clearpath.domain.shared.CaseId caseId,
      Instant at,
      String action,
      Map<String, String> details) {
    audit.record(new AuditEntry(caseId, ACTOR, ACTOR_NAME, action, details, at));
  }
}
