package org.clearpath.api.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * What each scheduled job took and what it changed: {@code clearpath_job_duration_seconds{job}} and
 * {@code clearpath_job_changes_total{job,change}} in the metrics.
 */
@Singleton
public class JobMetrics {
  private final MeterRegistry registry;

  JobMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One run of a job: how long it took. */
  public void ran(String job, Duration took) {
    Timer.builder("clearpath.job.duration")
        .description("How long a run of a scheduled job took")
        .tag("job", job)
        .register(registry)
        .record(took);
  }

  /** What a run changed, by kind of change ("stage", "instalment-missed", "plan-broken"). */
  public void changed(String job, String change, long count) {
    Counter.builder("clearpath.job.changes")
        .description("What the scheduled jobs changed")
        .tag("job", job)
        .tag("change", change)
        .register(registry)
        .increment(count);
  }
}
