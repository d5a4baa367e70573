package org.clearpath.persistence.operations;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clearpath.persistence.Sql;

/**
 * Which instance ran each daily job on each day ({@code job_run}). A claim is made in the job's
 * transaction: if the job fails, the claim goes with it and the day is free again.
 */
@Singleton
public class JdbcDailyRuns {
  private final JdbcOperations jdbc;
  private final JsonMapper json;

  JdbcDailyRuns(JdbcOperations jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Claims {@code day} of {@code job} for {@code instance}; false if another run has it. A claim
   * made by a transaction still running waits for that transaction.
   */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public boolean claim(String job, LocalDate day, String instance) {
    return Sql.update(
            jdbc.getConnection(),
            "insert into job_run (job, day, instance) values (?, ?, ?)"
                + " on conflict (job, day) do nothing",
            job,
            day,
            instance)
        == 1;
  }

  /** Records what the claimed run changed, as counts by kind of change. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void finished(String job, LocalDate day, Map<String, Integer> changes) {
    String counts;
    try {
      counts = json.writeValueAsString(new TreeMap<>(changes));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("could not write the changes of " + job, e);
    }
    Sql.update(
        jdbc.getConnection(),
        "update job_run set finished_at = clock_timestamp(), changes = cast(? as jsonb)"
            + " where job = ? and day = ?",
        counts,
        job,
        day);
  }

  /** The instance that ran {@code job} on {@code day}, if one did. */
  @Connectable
  public Optional<String> ranBy(String job, LocalDate day) {
    return Sql.query(
            jdbc.getConnection(),
            "select instance from job_run where job = ? and day = ?",
            rows -> rows.getString("instance"),
            job,
            day)
        .stream()
        .findFirst();
  }
}
