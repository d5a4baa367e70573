package org.clearpath.persistence.stage;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.stage.ChecklistTick;
import org.clearpath.domain.stage.ChecklistTicks;
import org.clearpath.persistence.Sql;

/** {@link ChecklistTicks} in {@code checklist_tick}. */
@Singleton
public class JdbcChecklistTicks implements ChecklistTicks {
  private final JdbcOperations jdbc;

  JdbcChecklistTicks(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Connectable
  public List<ChecklistTick> ofCase(CaseId caseId) {
    return Sql.query(
        jdbc.getConnection(),
        "select stage, item, done_by, done_by_name, done_at from checklist_tick where case_id = ?"
            + " order by done_at",
        rows ->
            new ChecklistTick(
                Stage.valueOf(rows.getString(1)),
                rows.getString(2),
                new UserId(rows.getString(3)),
                rows.getString(4),
                rows.getTimestamp(5).toInstant()),
        caseId.value());
  }

  @Override
  @Transactional
  public boolean tick(CaseId caseId, ChecklistTick tick) {
    return Sql.update(
            jdbc.getConnection(),
            "insert into checklist_tick (case_id, stage, item, done_by, done_by_name, done_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing",
            caseId.value(),
            tick.stage().name(),
            tick.item(),
            tick.doneBy().value(),
            tick.doneByName(),
            tick.doneAt())
        > 0;
  }

  @Override
  @Transactional
  public boolean untick(CaseId caseId, Stage stage, String item) {
    return Sql.update(
            jdbc.getConnection(),
            "delete from checklist_tick where case_id = ? and stage = ? and item = ?",
            caseId.value(),
            stage.name(),
            item)
        > 0;
  }
}
