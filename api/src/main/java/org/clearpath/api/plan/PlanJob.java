package org.clearpath.api.plan;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import org.clearpath.api.operations.DailyRuns;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.plan.WatchingPlans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every day just after midnight in the office's zone (before the stage job), and at start-up in the
 * background: marks missed instalments, raises tasks, breaks plans with too many misses, and brings
 * the stage of the cases it touched up to date, in one transaction. The scheduled run claims the
 * day ({@link DailyRuns}) so that one instance does it; any run takes a database lock. {@code
 * clearpath.plans.missed-allowed} (default 2) is how many missed, unpaid instalments a plan
 * survives; one more breaks it.
 */
@Singleton
@Requires(property = "clearpath.plans.job.enabled", notEquals = "false")
public class PlanJob {
  private static final Logger LOG = LoggerFactory.getLogger(PlanJob.class);
  private final WatchingPlans watching;
  private final StageSettings settings;
  private final Clock clock;
  private final org.clearpath.api.operations.JobMetrics metrics;
  private final int missedAllowed;
  private final DailyRuns runs;

  PlanJob(
      DailyRuns runs,
      WatchingPlans watching,
      StageSettings settings,
      Clock clock,
      org.clearpath.api.operations.JobMetrics metrics,
      @Value("${clearpath.plans.missed-allowed:2}") int missedAllowed) {
    if (missedAllowed < 0) {
      throw new IllegalArgumentException("clearpath.plans.missed-allowed is 0 or more");
    }
    this.missedAllowed = missedAllowed;
    this.runs = runs;
    this.watching = watching;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Scheduled(
      cron = "${clearpath.plans.job.cron:`0 1 0 * * *`}",
      zoneId = "${clearpath.stage.zone:Asia/Shanghai}")
  void daily() {
    runToday();
  }

  /** Today's scheduled run, unless another instance has done it; true if this call did. */
  public boolean runToday() {
    var day = settings.today(clock);
    return runs.once(
        "plan",
        day,
        () -> {
          var run = run(day);
          return java.util.Map.of("instalment-missed", run.missed(), "plan-broken", run.broken());
        });
  }

  @EventListener
  @Async
  void onStartup(StartupEvent event) {
    run(settings.today(clock));
  }

  @Transactional
  public WatchingPlans.Run run(LocalDate day) {
    var started = System.nanoTime();
    var run = watching.run(day, missedAllowed, clock.instant());
    metrics.ran("plan", java.time.Duration.ofNanos(System.nanoTime() - started));
    metrics.changed("plan", "instalment-missed", run.missed());
    metrics.changed("plan", "plan-broken", run.broken());
    LOG.info(
        "plan job for {}: {} instalments missed, {} plans broken", day, run.missed(), run.broken());
    return run;
  }
}
