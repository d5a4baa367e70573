package org.clearpath.persistence.stage;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.stage.ChecklistTick;
import org.clearpath.domain.stage.ChecklistTicks;

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
    return jdbc.prepareStatement(
        "select stage, item, done_by, done_by_name, done_at from checklist_tick where case_id = ?"
            + " order by done_at",
        statement -> {
          statement.setObject(1, caseId.value());
          try (var rows = statement.executeQuery()) {
            var found = new ArrayList<ChecklistTick>();
            while (rows.next()) {
              found.add(
                  new ChecklistTick(
                      Stage.valueOf(rows.getString(1)),
                      rows.getString(2),
                      new UserId(rows.getString(3)),
                      rows.getString(4),
                      rows.getTimestamp(5).toInstant()));
            }
            return found;
          }
        });
  }

  @Override
  @Transactional
  public boolean tick(CaseId caseId, ChecklistTick tick) {
    return jdbc.prepareStatement(
            "insert into checklist_tick (case_id, stage, item, done_by, done_by_name, done_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing",
            statement -> {
              statement.setObject(1, caseId.value());
              statement.setString(2, tick.stage().name());
              statement.setString(3, tick.item());
              statement.setString(4, tick.doneBy().value());
              statement.setString(5, tick.doneByName());
              statement.setTimestamp(6, Timestamp.from(tick.doneAt()));
              return statement.executeUpdate();
            })
        > 0;
  }

  @Override
  @Transactional
  public boolean untick(CaseId caseId, Stage stage, String item) {
    return jdbc.prepareStatement(
            "delete from checklist_tick where case_id = ? and stage = ? and item = ?",
            statement -> {
              statement.setObject(1, caseId.value());
              statement.setString(2, stage.name());
              statement.setString(3, item);
              return statement.executeUpdate();
            })
        > 0;
  }
}
