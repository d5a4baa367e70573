package org.clearpath.persistence.crypto;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.UUID;
import org.clearpath.persistence.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the app serves anything: every data key wrapped under a master key that is being retired
 * is wrapped again under the current one (a rotation), and every client record still in plain
 * columns (written before V31) is sealed and its plain columns emptied. Both go in batches, each
 * its own transaction, rows locked with {@code skip locked} so that two instances starting at once
 * share the work; both are idempotent, and a start that stops halfway goes on at the next.
 */
@Singleton
public class KeysAtStart implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(KeysAtStart.class);
  private static final int BATCH = 2_000;
  private final MasterKeys master;
  private final SealedClientRecords records;
  private final CaseKeys caseKeys;
  private final TransactionOperations<Connection> transactions;

  KeysAtStart(
      MasterKeys master,
      SealedClientRecords records,
      CaseKeys caseKeys,
      TransactionOperations<Connection> transactions) {
    this.master = master;
    this.records = records;
    this.caseKeys = caseKeys;
    this.transactions = transactions;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    var started = System.nanoTime();
    var rewrapped = 0;
    for (int done; (done = transactions.executeWrite(s -> rewrap(s.getConnection()))) > 0; ) {
      rewrapped += done;
    }
    var sealed = 0;
    for (int done; (done = transactions.executeWrite(s -> seal(s.getConnection()))) > 0; ) {
      sealed += done;
    }
    if (rewrapped > 0 || sealed > 0) {
      LOG.info(
          "{} keys wrapped again under master key {}; {} client records sealed ({} ms)",
          rewrapped,
          master.currentId(),
          sealed,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** One batch of keys wrapped under a retired master key, wrapped under the current one. */
  int rewrap(Connection connection) {
    var current = master.currentId();
    var installKeys =
        Sql.query(
            connection,
            "select purpose, master_key_id, wrapped from install_key where master_key_id <> ?"
                + " for update",
            rows -> new Object[] {rows.getString(1), rows.getString(2), rows.getBytes(3)},
            current);
    for (var row : installKeys) {
      var aad = SealedClientRecords.installKeyAad((String) row[0]);
      var key = master.unwrap((String) row[1], (byte[]) row[2], aad);
      Sql.update(
          connection,
          "update install_key set master_key_id = ?, wrapped = ? where purpose = ?",
          current,
          master.wrap(key, aad),
          row[0]);
    }
    var caseKeys =
        Sql.query(
            connection,
            "select case_id, master_key_id, wrapped from case_key where master_key_id <> ?"
                + " limit ? for update skip locked",
            rows ->
                new Object[] {rows.getObject(1, UUID.class), rows.getString(2), rows.getBytes(3)},
            current,
            BATCH);
    var again = new ArrayList<Object[]>();
    for (var row : caseKeys) {
      var aad = CaseKeys.aad((UUID) row[0]);
      var key = master.unwrap((String) row[1], (byte[]) row[2], aad);
      again.add(new Object[] {current, master.wrap(key, aad), row[0]});
    }
    Sql.batch(
        connection, "update case_key set master_key_id = ?, wrapped = ? where case_id = ?", again);
    return installKeys.size() + caseKeys.size();
  }

  /** One batch of client records in plain columns, sealed. */
  int seal(Connection connection) {
    var plain =
        Sql.query(
            connection,
            """
            select id, phone, email, id_number, household_notes from case_file
            where phone is not null or email is not null or id_number is not null
               or household_notes is not null
            limit ? for update skip locked
            """,
            rows ->
                new Object[] {
                  rows.getObject(1, UUID.class),
                  new SealedClientRecords.Fields(
                      rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5))
                },
            BATCH);
    if (plain.isEmpty()) {
      return 0;
    }
    var keys = caseKeys.ofAll(connection, plain.stream().map(row -> (UUID) row[0]).toList());
    var sealed = new ArrayList<Object[]>();
    for (var row : plain) {
      var id = (UUID) row[0];
      var record = records.seal(connection, id, keys.get(id), (SealedClientRecords.Fields) row[1]);
      sealed.add(new Object[] {record.record(), record.phoneHash(), record.idNumberHash(), id});
    }
    Sql.batch(
        connection,
        """
        update case_file set client_record = ?, phone_hash = ?, id_number_hash = ?, phone = null,
               email = null, id_number = null, household_notes = null
        where id = ?
        """,
        sealed);
    return plain.size();
  }
}
