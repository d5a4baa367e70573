package org.clearpath.persistence.stage;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StandingChanges;
import org.clearpath.domain.stage.LegalMilestone;
import org.clearpath.domain.stage.LegalMilestones;

/** {@link LegalMilestones} in {@code legal_milestone}; a new step tells {@link StandingChanges}. */
@Singleton
public class JdbcLegalMilestones implements LegalMilestones {
  private final JdbcOperations jdbc;
  private final StandingChanges standing;

  JdbcLegalMilestones(JdbcOperations jdbc, StandingChanges standing) {
    this.jdbc = jdbc;
    this.standing = standing;
  }

  @Override
  @Transactional
  public void add(CaseId caseId, LegalMilestone milestone) {
    jdbc.prepareStatement(
        "insert into legal_milestone (id, case_id, kind, on_date, ended_on) values (?, ?, ?, ?, ?)",
        statement -> {
          statement.setObject(1, UUID.randomUUID());
          statement.setObject(2, caseId.value());
          statement.setString(3, milestone.kind().name());
          statement.setDate(4, Date.valueOf(milestone.on()));
          statement.setDate(
              5, milestone.endedOn() == null ? null : Date.valueOf(milestone.endedOn()));
          return statement.executeUpdate();
        });
    standing.changed(caseId);
  }

  @Override
  @Connectable
  public List<LegalMilestone> ofCase(CaseId caseId) {
    return jdbc.prepareStatement(
        "select kind, on_date, ended_on from legal_milestone where case_id = ? order by on_date, id",
        statement -> {
          statement.setObject(1, caseId.value());
          try (var rows = statement.executeQuery()) {
            var found = new ArrayList<LegalMilestone>();
            while (rows.next()) {
              var ended = rows.getDate("ended_on");
              found.add(
                  new LegalMilestone(
                      LegalMilestone.Kind.valueOf(rows.getString("kind")),
                      rows.getDate("on_date").toLocalDate(),
                      ended == null ? null : ended.toLocalDate()));
            }
            return found;
          }
        });
  }
}
