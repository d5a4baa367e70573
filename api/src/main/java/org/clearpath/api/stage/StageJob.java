package org.clearpath.api.stage;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.clearpath.api.operations.DailyRuns;
import org.clearpath.domain.stage.StageHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every case's stage once a day just after midnight in the configured zone, and once at
 * start-up, in the background (so that a new installation has stages at once and a day missed while
 * the app was down is caught up). Safe on several instances: the scheduled run claims the day
 * ({@link DailyRuns}), so one instance does it; any run takes a database lock and records nothing
 * twice.
 */
@Singleton
@Requires(property = "clearpath.stage.job.enabled", notEquals = "false")
public class StageJob {
  private static final Logger LOG = LoggerFactory.getLogger(StageJob.class);
  private final StageHistory history;
  private final StageSettings settings;
  private final Clock clock;
  private final org.clearpath.api.operations.JobMetrics metrics;
  private final DailyRuns runs;

  StageJob(
      StageHistory history,
      StageSettings settings,
      Clock clock,
      org.clearpath.api.operations.JobMetrics metrics,
      DailyRuns runs) {
    this.runs = runs;
    this.history = history;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Scheduled(
      cron = "${clearpath.stage.job.cron:`0 5 0 * * *`}",
      zoneId = "${clearpath.stage.zone:Asia/Shanghai}")
  void daily() {
    runToday();
  }

  /** Today's scheduled run, unless another instance has done it; true if this call did. */
  public boolean runToday() {
    var day = settings.today(clock);
    return runs.once("stage", day, () -> java.util.Map.of("stage", run(day)));
  }

  @EventListener
  @Async
  void onStartup(StartupEvent event) {
    run();
  }

  public int run() {
    return run(settings.today(clock));
  }

  private int run(java.time.LocalDate day) {
    var started = System.nanoTime();
    var changed = history.recordStagesOn(day, settings.thresholds());
    var took = java.time.Duration.ofNanos(System.nanoTime() - started);
    metrics.ran("stage", took);
    metrics.changed("stage", "stage", changed);
    LOG.info("stage job for {}: {} cases changed stage in {} ms", day, changed, took.toMillis());
    return changed;
  }
}
