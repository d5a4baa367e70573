package org.clearpath.persistence.task;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.task.Task;
import org.clearpath.domain.task.TaskKind;
import org.clearpath.domain.task.TaskLine;
import org.clearpath.domain.task.Tasks;
import org.clearpath.persistence.Reaches;
import org.clearpath.persistence.Sql;

/** {@link Tasks} in {@code task}; a task follows whoever holds its case. */
@Singleton
public class JdbcTasks implements Tasks {
  private static final String COLUMNS =
      "t.id, t.case_id, t.kind, t.plan_id, t.instalment, t.due_on, t.amount, t.currency,"
          + " t.created_at, t.done_at, t.done_by_name, t.note";
  private final JdbcOperations jdbc;

  JdbcTasks(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void add(Task task) {
    // one task per missed instalment and per broken plan, even if a job runs twice
    Sql.update(
        jdbc.getConnection(),
        "insert into task (id, case_id, kind, plan_id, instalment, due_on, amount, currency,"
            + " created_at, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (plan_id, kind, coalesce(instalment, 0)) do nothing",
        task.id(),
        task.caseId().value(),
        task.kind().name(),
        task.planId(),
        task.instalment(),
        task.dueOn(),
        task.amount() == null ? null : task.amount().amount(),
        task.amount() == null ? null : task.amount().currency().getCurrencyCode(),
        task.createdAt(),
        task.note());
  }

  @Override
  @Connectable
  public Optional<Task> find(UUID id) {
    return Sql.query(
            jdbc.getConnection(),
            "select " + COLUMNS + " from task t where t.id = ?",
            JdbcTasks::read,
            id)
        .stream()
        .findFirst();
  }

  @Override
  @Connectable
  public List<TaskLine> open(org.clearpath.domain.shared.Reach reach, int offset, int limit) {
    var sql =
        "select "
            + COLUMNS
            + ", c.client_name, c.counselor_name from task t join case_file c on c.id = t.case_id"
            + " where t.done_at is null"
            + Reaches.condition(reach, "c.counselor_id")
            + " order by t.created_at, t.due_on, t.id limit ? offset ?";
    Sql.Row<TaskLine> row =
        rows ->
            new TaskLine(
                read(rows), rows.getString("client_name"), rows.getString("counselor_name"));
    return Sql.query(jdbc.getConnection(), sql, row, Reaches.with(reach, limit, offset));
  }

  @Override
  @Connectable
  public int countOpen(org.clearpath.domain.shared.Reach reach) {
    var sql =
        "select count(*) from task t join case_file c on c.id = t.case_id where t.done_at is null"
            + Reaches.condition(reach, "c.counselor_id");
    Sql.Row<Long> row = rows -> rows.getLong(1);
    var found = Sql.query(jdbc.getConnection(), sql, row, Reaches.with(reach));
    return Math.toIntExact(found.getFirst());
  }

  @Override
  @Transactional
  public boolean done(UUID id, Instant at, UserId by, String byName) {
    return Sql.update(
            jdbc.getConnection(),
            "update task set done_at = ?, done_by = ?, done_by_name = ? where id = ?"
                + " and done_at is null",
            at,
            by.value(),
            byName,
            id)
        == 1;
  }

  private static Task read(ResultSet rows) throws SQLException {
    var amount = rows.getBigDecimal("amount");
    var done = rows.getTimestamp("done_at");
    var instalment = rows.getObject("instalment", Integer.class);
    return new Task(
        rows.getObject("id", UUID.class),
        new CaseId(rows.getObject("case_id", UUID.class)),
        TaskKind.valueOf(rows.getString("kind")),
        rows.getObject("plan_id", UUID.class),
        instalment,
        Sql.date(rows, "due_on"),
        amount == null
            ? null
            : new Money(amount, Currency.getInstance(rows.getString("currency").strip())),
        rows.getTimestamp("created_at").toInstant(),
        done == null ? null : done.toInstant(),
        rows.getString("done_by_name"),
        rows.getString("note"));
  }
}
