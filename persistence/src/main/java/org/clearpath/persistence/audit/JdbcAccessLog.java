package org.clearpath.persistence.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.clearpath.domain.audit.AccessEntry;
import org.clearpath.domain.audit.AccessLog;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.persistence.MessageColumns;
import org.clearpath.persistence.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AccessLog} in the append-only {@code access_entry} table. A read must not wait for a
 * commit of its own: entries are queued and written together every {@code
 * clearpath.access-log.flush-every} (default 250 ms) in one batch with an asynchronous commit, and
 * before a case's log is listed. A crash loses at most the entries of the last interval, never a
 * change to case data (those are audited in their own transaction). Entries are also kept when the
 * request that made them fails (a refused change rolls back; its refusal stays).
 */
@Singleton
public class JdbcAccessLog implements AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcAccessLog.class);
  // while the database does not answer: enough for minutes of a busy office, then the oldest go
  private static final int MAX_QUEUED = 100_000;

  private final JdbcOperations jdbc;
  private final TransactionOperations<Connection> transactions;
  private final ConcurrentLinkedQueue<AccessEntry> queued = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final ReentrantLock writing = new ReentrantLock();
  private final ScheduledExecutorService flusher;

  JdbcAccessLog(
      JdbcOperations jdbc,
      TransactionOperations<Connection> transactions,
      @Value("${clearpath.access-log.flush-every:250ms}") Duration flushEvery) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().daemon().name("access-log").unstarted(runnable));
    flusher.scheduleWithFixedDelay(
        this::flushQuietly, flushEvery.toMillis(), flushEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void record(AccessEntry entry) {
    queued.add(entry);
    if (size.incrementAndGet() > MAX_QUEUED && queued.poll() != null) {
      size.decrementAndGet();
      LOG.error("access log: the database has not taken entries for a while; the oldest is lost");
    }
  }

  @Override
  @Connectable
  public Page ofCase(CaseId caseId, int page, int size) {
    // what this instance still holds first, written by the flusher (its own transaction)
    try {
      flusher.submit(this::flush).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the access log", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("could not write the access log", e.getCause());
    }
    var connection = jdbc.getConnection();
    var entries =
        Sql.query(
            connection,
            "select case_id, actor_id, actor_name, what, denied, at, "
                + MessageColumns.selectStrings("details", "details")
                + " from access_entry where case_id = ? order by id desc limit ? offset ?",
            rows ->
                new AccessEntry(
                    new CaseId(rows.getObject("case_id", java.util.UUID.class)),
                    rows.getString("actor_id"),
                    rows.getString("actor_name"),
                    rows.getString("what"),
                    rows.getBoolean("denied"),
                    MessageColumns.readStrings(rows, "details"),
                    rows.getTimestamp("at").toInstant()),
            caseId.value(),
            size,
            (long) page * size);
    var total =
        Sql.query(
                connection,
                "select count(*) from access_entry where case_id = ?",
                rows -> rows.getLong(1),
                caseId.value())
            .getFirst();
    return new Page(entries, total);
  }

  /** Writes what is queued, in one batch; the caller waits for it. */
  void flush() {
    writing.lock();
    try {
      var batch = new ArrayList<AccessEntry>();
      for (AccessEntry entry; batch.size() < 5_000 && (entry = queued.poll()) != null; ) {
        size.decrementAndGet();
        batch.add(entry);
      }
      if (batch.isEmpty()) {
        return;
      }
      try {
        write(batch);
      } catch (RuntimeException e) {
        // kept for the next try
        batch.forEach(this::record);
        throw new IllegalStateException("could not write the access log", e);
      }
      if (!queued.isEmpty()) {
        flush();
      }
    } finally {
      writing.unlock();
    }
  }

  /** One statement for the whole batch: its columns as arrays, unnested into rows. */
  private void write(List<AccessEntry> batch) {
    var n = batch.size();
    var cases = new java.util.UUID[n];
    var actorIds = new String[n];
    var actorNames = new String[n];
    var whats = new String[n];
    var denied = new String[n];
    var details = new String[n];
    var ats = new String[n];
    for (int i = 0; i < n; i++) {
      var entry = batch.get(i);
      cases[i] = entry.caseId().value();
      actorIds[i] = entry.actorId();
      actorNames[i] = entry.actorName();
      whats[i] = entry.what();
      denied[i] = Boolean.toString(entry.denied());
      details[i] = json(entry.details());
      ats[i] = entry.at().toString();
    }
    transactions.executeWrite(
        status -> {
          var connection = status.getConnection();
          // a read's trace: not worth an fsync wait of its own (see above)
          Sql.execute(connection, "set local synchronous_commit = off");
          Sql.update(
              connection,
              "insert into access_entry (case_id, actor_id, actor_name, what, denied, details, at)"
                  + " select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[],"
                  + " ?::text[]::boolean[], ?::text[]::jsonb[], ?::text[]::timestamptz[])",
              cases,
              actorIds,
              actorNames,
              whats,
              denied,
              details,
              ats);
          return null;
        });
  }

  /** A JSON object of strings. */
  static String json(java.util.Map<String, String> map) {
    var out = new StringBuilder("{");
    for (var entry : new java.util.TreeMap<>(map).entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      quote(out, entry.getKey());
      out.append(':');
      quote(out, entry.getValue());
    }
    return out.append('}').toString();
  }

  private static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      var c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("access log: {}; will try again", e.getMessage());
    }
  }

  @PreDestroy
  void close() {
    flusher.shutdown();
    flushQuietly();
  }
}
