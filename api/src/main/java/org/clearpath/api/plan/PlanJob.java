package org.clearpath.api.plan;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.plan.WatchingPlans;
import org.clearpath.domain.stage.StageHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every day just after midnight in the office's zone (before the stage job), and at start-up: marks
 * missed instalments, raises tasks, breaks plans with too many misses, and brings the stage of the
 * cases it touched up to date.
 */
@Singleton
@Requires(property = "clearpath.plans.job.enabled", notEquals = "false")
public class PlanJob {
  private static final Logger LOG = LoggerFactory.getLogger(PlanJob.class);
  private final WatchingPlans watching;
  private final StageHistory stages;
  private final StageSettings settings;
  private final Clock clock;
  private final org.clearpath.api.operations.JobMetrics metrics;

  PlanJob(
      WatchingPlans watching,
      StageHistory stages,
      StageSettings settings,
      Clock clock,
      org.clearpath.api.operations.JobMetrics metrics) {
    this.watching = watching;
    this.stages = stages;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Scheduled(
      cron = "${clearpath.plans.job.cron:`0 1 0 * * *`}",
      zoneId = "${clearpath.stage.zone:Asia/Shanghai}")
  void daily() {
    run(settings.today(clock));
  }

  @EventListener
  void onStartup(StartupEvent event) {
    run(settings.today(clock));
  }

  @Transactional
  public WatchingPlans.Run run(LocalDate day) {
    var started = System.nanoTime();
    var run = watching.run(day);
    for (var caseId : run.casesChanged()) {
      stages.recordStageOn(caseId, day, settings.thresholds());
    }
    metrics.ran("plan", java.time.Duration.ofNanos(System.nanoTime() - started));
    metrics.changed("plan", "instalment-missed", run.missed());
    metrics.changed("plan", "plan-broken", run.broken());
    LOG.info(
        "plan job for {}: {} instalments missed, {} plans broken", day, run.missed(), run.broken());
    return run;
  }
}
