package org.clearpath.api.erasure;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.clearpath.api.operations.JobMetrics;
import org.clearpath.domain.casefile.ClientPortalAccounts;
import org.clearpath.domain.erasure.ErasingCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the portal logins of erased cases from Keycloak: right after a supervisor's erasure (in
 * the background: the answer does not wait for Keycloak), and every {@code
 * clearpath.erasure.logins.every} (1 minute) for the retention job's erasures and for any removal
 * Keycloak refused or missed. Two instances may both try one login: removing it twice is harmless.
 */
@Singleton
@Requires(property = "clearpath.erasure.logins.enabled", notEquals = "false")
public class PortalLoginRemoval {
  private static final Logger LOG = LoggerFactory.getLogger(PortalLoginRemoval.class);
  private final ErasingCases erasing;
  private final ClientPortalAccounts accounts;
  private final JobMetrics metrics;
  private final ExecutorService background;

  PortalLoginRemoval(
      ErasingCases erasing,
      ClientPortalAccounts accounts,
      JobMetrics metrics,
      @Named(TaskExecutors.BLOCKING) ExecutorService background) {
    this.erasing = erasing;
    this.accounts = accounts;
    this.metrics = metrics;
    this.background = background;
  }

  @Scheduled(
      fixedDelay = "${clearpath.erasure.logins.every:1m}",
      initialDelay = "${clearpath.erasure.logins.every:1m}")
  void scheduled() {
    run();
  }

  /** Soon, on another thread. */
  void soon() {
    background.execute(this::run);
  }

  /** Removes what is waiting now; how many logins were done. */
  public synchronized int run() {
    var started = System.nanoTime();
    ErasingCases.LoginRemovals removals;
    try {
      removals = erasing.removeLogins(accounts);
    } catch (RuntimeException e) {
      LOG.warn("removing the portal logins of erased cases failed; again later", e);
      return 0;
    }
    if (removals.refused() > 0) {
      LOG.warn(
          "Keycloak did not remove {} portal login(s) of erased cases; again in a minute",
          removals.refused(),
          removals.firstRefusal());
    }
    metrics.ran("portal-logins", java.time.Duration.ofNanos(System.nanoTime() - started));
    metrics.changed("portal-logins", "login-removed", removals.done());
    metrics.changed("portal-logins", "login-refused", removals.refused());
    return removals.done();
  }
}
