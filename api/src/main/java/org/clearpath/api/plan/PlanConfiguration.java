package org.clearpath.api.plan;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.budget.Budgets;
import org.clearpath.domain.budget.KeepingBudgets;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.debt.Debts;
import org.clearpath.domain.evidence.EvidenceFiles;
import org.clearpath.domain.plan.CalendarFeed;
import org.clearpath.domain.plan.CalendarFeeds;
import org.clearpath.domain.plan.KeepingPlans;
import org.clearpath.domain.plan.Plans;
import org.clearpath.domain.task.Tasks;
import org.clearpath.domain.task.WorkingTasks;

/**
 * Budgets, plans, tasks and calendar feeds. The daily plan watch is set based in persistence
 * ({@link org.clearpath.domain.plan.WatchingPlans}), run by {@link PlanJob}.
 */
@Factory
class PlanConfiguration {

  @Singleton
  KeepingBudgets keepingBudgets(
      GuardedCases cases, Budgets budgets, org.clearpath.domain.shared.Transactions transactions) {
    return new KeepingBudgets(cases, budgets, transactions);
  }

  @Singleton
  KeepingPlans keepingPlans(
      GuardedCases cases,
      Plans plans,
      Debts debts,
      EvidenceFiles files,
      Budgets budgets,
      StageSettings settings,
      org.clearpath.domain.shared.Transactions transactions,
      org.clearpath.domain.plan.PlanApprovals approvals,
      PlanApprovalSettings approval) {
    return new KeepingPlans(
        cases,
        plans,
        debts,
        files,
        budgets,
        settings.zoneId(),
        transactions,
        approvals,
        approval.policy());
  }

  @Singleton
  WorkingTasks workingTasks(
      GuardedCases cases, Tasks tasks, org.clearpath.domain.shared.Transactions transactions) {
    return new WorkingTasks(cases, tasks, transactions);
  }

  @Singleton
  CalendarFeed calendarFeed(
      GuardedCases cases,
      CalendarFeeds feeds,
      Plans plans,
      StageSettings settings,
      org.clearpath.domain.shared.Transactions transactions) {
    return new CalendarFeed(cases, feeds, plans, settings.zoneId(), transactions);
  }
}
