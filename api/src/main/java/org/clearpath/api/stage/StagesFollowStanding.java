package org.clearpath.api.stage;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StandingChanges;
import org.clearpath.domain.stage.StageHistory;

/**
 * Brings the stages of the cases a transaction changed up to date just before it commits: the
 * stores tell it which cases ({@link StandingChanges}), and it gathers them per transaction and
 * works their stages out in one statement, on the office's today, inside that transaction. If that
 * fails, the transaction rolls back with the change that caused it.
 */
@Singleton
final class StagesFollowStanding implements StandingChanges {
  private final TransactionOperations<Connection> transactions;
  private final StageHistory stages;
  private final StageSettings settings;
  private final Clock clock;

  /** The cases still to bring up to date, per open transaction (its connection). */
  private final Map<Connection, Pending> pending = new ConcurrentHashMap<>();

  StagesFollowStanding(
      TransactionOperations<Connection> transactions,
      StageHistory stages,
      StageSettings settings,
      Clock clock) {
    this.transactions = transactions;
    this.stages = stages;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void changed(Collection<CaseId> cases) {
    if (cases.isEmpty()) {
      return;
    }
    io.micronaut.transaction.TransactionStatus<?> status =
        transactions
            .findTransactionStatus()
            .orElseThrow(
                () -> new IllegalStateException("a case's standing changed outside a transaction"));
    if (status.getTransactionDefinition().isReadOnly().orElse(false)) {
      throw new IllegalStateException("a case's standing changed in a read-only transaction");
    }
    var connection = (Connection) status.getConnection();
    pending
        .computeIfAbsent(
            connection,
            key -> {
              var p = new Pending(key);
              status.registerSynchronization(p);
              return p;
            })
        .cases
        .addAll(cases);
  }

  /** How many transactions have cases waiting (none between requests). */
  int waiting() {
    return pending.size();
  }

  private final class Pending implements TransactionSynchronization {
    private final Connection connection;
    private final Set<CaseId> cases = new LinkedHashSet<>();

    Pending(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      pending.remove(connection);
      stages.recordStagesOf(cases, settings.today(clock), settings.thresholds());
    }

    @Override
    public void afterCompletion(Status status) {
      pending.remove(connection, this);
    }
  }
}
