package org.clearpath.api.erasure;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import org.clearpath.api.operations.DailyRuns;
import org.clearpath.api.operations.JobMetrics;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.erasure.ErasingCases;
import org.clearpath.domain.erasure.RetentionPeriods;
import org.clearpath.domain.harassment.RulePacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a day (00:20 in {@code clearpath.stage.zone}, claimed by one instance), erases the closed
 * cases past their retention period ({@code clearpath.retention.years.<JURISDICTION>}; by default
 * CN 5, US 3) that are not on legal hold.
 */
@Singleton
@Requires(property = "clearpath.retention.job.enabled", notEquals = "false")
public class RetentionJob {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  private final ErasingCases erasing;
  private final RetentionPeriods periods;
  private final DailyRuns runs;
  private final StageSettings settings;
  private final Clock clock;
  private final JobMetrics metrics;

  RetentionJob(
      ErasingCases erasing,
      Environment environment,
      RulePacks packs,
      DailyRuns runs,
      StageSettings settings,
      Clock clock,
      JobMetrics metrics) {
    this.erasing = erasing;
    this.runs = runs;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    var years = new HashMap<>(RetentionPeriods.DEFAULTS);
    environment
        .getProperties("clearpath.retention.years")
        .forEach(
            (where, n) ->
                years.put(where.toUpperCase(Locale.ROOT), Integer.valueOf(String.valueOf(n))));
    this.periods = new RetentionPeriods(years, packs.office(), settings.zoneId());
  }

  /** The periods in force. */
  public RetentionPeriods periods() {
    return periods;
  }

  @Scheduled(
      cron = "${clearpath.retention.job.cron:`0 20 0 * * *`}",
      zoneId = "${clearpath.stage.zone:Asia/Shanghai}")
  void daily() {
    runToday();
  }

  /** Today's run, unless another instance has done it; true if this call did. */
  public boolean runToday() {
    return runs.once(
        "retention", settings.today(clock), () -> java.util.Map.of("case-erased", run()));
  }

  /** Erases what is past its retention now; how many cases. */
  public int run() {
    var started = System.nanoTime();
    var erased = erasing.eraseExpired(periods);
    metrics.ran("retention", java.time.Duration.ofNanos(System.nanoTime() - started));
    metrics.changed("retention", "case-erased", erased);
    LOG.info("retention job: {} cases past their retention erased ({})", erased, periods.years());
    return erased;
  }
}
