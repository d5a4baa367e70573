package org.clearpath.persistence.audit;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.clearpath.domain.audit.OfficeAuditEntry;
import org.clearpath.domain.audit.OfficeAuditTrail;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.MessageColumns;
import org.clearpath.persistence.Sql;

/** {@link OfficeAuditTrail} in the append-only {@code office_audit_entry} table. */
@Singleton
public class JdbcOfficeAuditTrail implements OfficeAuditTrail {
  private final JdbcOperations jdbc;

  JdbcOfficeAuditTrail(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void record(OfficeAuditEntry entry) {
    var details = MessageColumns.strings(entry.details());
    Sql.update(
        jdbc.getConnection(),
        "insert into office_audit_entry (actor_id, actor_name, action, details, at)"
            + " values (?, ?, ?, "
            + MessageColumns.STRINGS
            + ", ?)",
        entry.actor().value(),
        entry.actorName(),
        entry.action(),
        details[0],
        details[1],
        entry.at());
  }

  @Override
  @Connectable
  public List<OfficeAuditEntry> latest(List<String> actions, int limit) {
    return Sql.query(
        jdbc.getConnection(),
        "select actor_id, actor_name, action, at, "
            + MessageColumns.selectStrings("details", "details")
            + " from office_audit_entry where cardinality(?::text[]) = 0 or action = any(?::text[])"
            + " order by id desc limit ?",
        rows ->
            new OfficeAuditEntry(
                new UserId(rows.getString("actor_id")),
                rows.getString("actor_name"),
                rows.getString("action"),
                MessageColumns.readStrings(rows, "details"),
                rows.getTimestamp("at").toInstant()),
        actions.toArray(String[]::new),
        actions.toArray(String[]::new),
        limit);
  }
}
