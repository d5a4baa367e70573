package org.clearpath.persistence.stage;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StandingChanges;
import org.clearpath.domain.stage.LegalMilestone;
import org.clearpath.domain.stage.LegalMilestones;
import org.clearpath.persistence.Sql;

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
    Sql.update(
        jdbc.getConnection(),
        "insert into legal_milestone (id, case_id, kind, on_date, ended_on) values (?, ?, ?, ?, ?)",
        UUID.randomUUID(),
        caseId.value(),
        milestone.kind().name(),
        milestone.on(),
        milestone.endedOn());
    standing.changed(caseId);
  }

  @Override
  @Connectable
  public List<LegalMilestone> ofCase(CaseId caseId) {
    return Sql.query(
        jdbc.getConnection(),
        "select kind, on_date, ended_on from legal_milestone where case_id = ? order by on_date, id",
        rows ->
            new LegalMilestone(
                LegalMilestone.Kind.valueOf(rows.getString("kind")),
                Sql.date(rows, "on_date"),
                Sql.date(rows, "ended_on")),
        caseId.value());
  }
}
