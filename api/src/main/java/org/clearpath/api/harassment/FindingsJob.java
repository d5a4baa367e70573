package org.clearpath.api.harassment;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.clearpath.api.operations.JobMetrics;
import org.clearpath.domain.harassment.JudgingFindings;
import org.clearpath.domain.harassment.RulePacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the harassment findings beside each case up to date: every {@code
 * clearpath.findings.job.every} (default 1 s) it judges the cases that are due (a contact logged or
 * corrected, a case's jurisdiction or a lender changed; at start, with other rule packs, every
 * case), in batches. Several instances share the work: each batch skips the cases another holds.
 */
@Singleton
@Requires(property = "clearpath.findings.job.enabled", notEquals = "false")
public class FindingsJob {
  private static final Logger LOG = LoggerFactory.getLogger(FindingsJob.class);
  private final JudgingFindings judging;
  private final RulePacks packs;
  private final JobMetrics metrics;

  FindingsJob(JudgingFindings judging, RulePacks packs, JobMetrics metrics) {
    this.judging = judging;
    this.packs = packs;
    this.metrics = metrics;
  }

  @EventListener
  @Async
  void onStartup(StartupEvent event) {
    if (judging.rulesAre(packs)) {
      LOG.info("rule packs changed since the findings were kept: every case is judged again");
    }
    run();
  }

  @Scheduled(
      fixedDelay = "${clearpath.findings.job.every:1s}",
      initialDelay = "${clearpath.findings.job.every:1s}")
  void often() {
    run();
  }

  /** Judges every case that is due (after a run going on here); how many it judged. */
  public synchronized int run() {
    var started = System.nanoTime();
    var judged = judging.judgeDue();
    if (judged > 0) {
      var took = Duration.ofNanos(System.nanoTime() - started);
      metrics.ran("findings", took);
      metrics.changed("findings", "case-judged", judged);
      if (judged >= JudgingFindings.BATCH) {
        LOG.info("findings job: {} cases judged again in {} ms", judged, took.toMillis());
      }
    }
    return judged;
  }
}
