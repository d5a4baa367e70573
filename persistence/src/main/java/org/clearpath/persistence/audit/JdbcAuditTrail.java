package org.clearpath.persistence.audit;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.MessageColumns;
import org.clearpath.persistence.Sql;

/**
 * {@link AuditTrail} in the append-only {@code audit_entry} table (it refuses updates and deletes).
 * An entry's details are a jsonb of strings, kept as {@link MessageColumns} keeps a message's
 * parameters.
 */
@Singleton
public class JdbcAuditTrail implements AuditTrail {
  private final JdbcOperations jdbc;

  JdbcAuditTrail(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void record(AuditEntry entry) {
    var details = MessageColumns.strings(entry.details());
    Sql.update(
        jdbc.getConnection(),
        "insert into audit_entry (case_id, actor_id, actor_name, action, details, at)"
            + " values (?, ?, ?, ?, "
            + MessageColumns.STRINGS
            + ", ?)",
        entry.caseId().value(),
        entry.actor().value(),
        entry.actorName(),
        entry.action(),
        details[0],
        details[1],
        entry.at());
  }

  @Override
  @Connectable
  public List<AuditEntry> ofCase(CaseId caseId) {
    return Sql.query(
        jdbc.getConnection(),
        "select case_id, actor_id, actor_name, action, at, "
            + MessageColumns.selectStrings("details", "details")
            + " from audit_entry where case_id = ? order by id",
        rows ->
            new AuditEntry(
                new CaseId(rows.getObject("case_id", java.util.UUID.class)),
                new UserId(rows.getString("actor_id")),
                rows.getString("actor_name"),
                rows.getString("action"),
                MessageColumns.readStrings(rows, "details"),
                rows.getTimestamp("at").toInstant()),
        caseId.value());
  }
}
