package org.clearpath.api.operations;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.clearpath.persistence.operations.JdbcDailyRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each daily job once a day across every instance of the app on one database: the scheduled
 * run claims the day ({@code job_run}) in the job's transaction, so a second instance waits for the
 * first and then skips the day. {@code clearpath.instance-name} names this instance in the table
 * (default: host, process and a random part, since one process may hold two apps in tests).
 */
@Singleton
public class DailyRuns {
  private static final Logger LOG = LoggerFactory.getLogger(DailyRuns.class);
  private final JdbcDailyRuns runs;
  private final String instance;

  DailyRuns(JdbcDailyRuns runs, @Value("${clearpath.instance-name:}") String instance) {
    this.runs = runs;
    this.instance = instance.isBlank() ? defaultName() : instance.strip();
  }

  private static String defaultName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Does {@code work} for {@code day} of {@code job} unless it has been done; true if this call did
   * it. The work's counts of changes are kept with the claim.
   */
  @Transactional
  public boolean once(String job, LocalDate day, Supplier<Map<String, Integer>> work) {
    if (!runs.claim(job, day, instance)) {
      LOG.info(
          "{} job for {}: already run by {}", job, day, runs.ranBy(job, day).orElse("another run"));
      return false;
    }
    runs.finished(job, day, work.get());
    return true;
  }
}
