package org.clearpath.persistence.evidence;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the app's start, the evidence stored before V32 is sealed, a file per transaction ({@link
 * JdbcEvidenceFiles#sealOneEarlier}): as the tables' owner, which Flyway migrates as ({@code
 * flyway.datasources.owner.*}), or, where one login owns everything, through the data source. Two
 * instances starting at once share the files; a start that stops halfway goes on at the next.
 */
@Singleton
public class EarlierEvidence implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(EarlierEvidence.class);
  private final JdbcEvidenceFiles files;
  private final TransactionOperations<Connection> transactions;
  private final String ownerUrl;
  private final String ownerUser;
  private final String ownerPassword;

  EarlierEvidence(
      JdbcEvidenceFiles files,
      TransactionOperations<Connection> transactions,
      @Value("${flyway.datasources.owner.url:}") String ownerUrl,
      @Value("${flyway.datasources.owner.user:}") String ownerUser,
      @Value("${flyway.datasources.owner.password:}") String ownerPassword) {
    this.files = files;
    this.transactions = transactions;
    this.ownerUrl = ownerUrl;
    this.ownerUser = ownerUser;
    this.ownerPassword = ownerPassword;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    var started = System.nanoTime();
    var sealed = sealAll();
    if (sealed > 0) {
      LOG.info(
          "{} evidence files stored before V32 sealed ({} ms)",
          sealed,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** Seals every such file; how many. */
  public int sealAll() {
    // mostly there is none: no owner's connection is opened at every start for nothing
    if (!files.anyEarlier()) {
      return 0;
    }
    var sealed = 0;
    if (ownerUrl.isEmpty()) {
      while (transactions.executeWrite(s -> files.sealOneEarlier(s.getConnection()))) {
        sealed++;
      }
      return sealed;
    }
    try (var owner = DriverManager.getConnection(ownerUrl, ownerUser, ownerPassword)) {
      owner.setAutoCommit(false);
      while (true) {
        boolean one;
        try {
          one = files.sealOneEarlier(owner);
          owner.commit();
        } catch (RuntimeException | SQLException e) {
          owner.rollback();
          throw e;
        }
        if (!one) {
          return sealed;
        }
        sealed++;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not seal the evidence stored before V32", e);
    }
  }
}
