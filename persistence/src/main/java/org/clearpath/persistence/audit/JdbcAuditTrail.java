package org.clearpath.persistence.audit;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.TreeMap;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.Sql;

/**
 * {@link AuditTrail} in the append-only {@code audit_entry} table (it refuses updates and deletes).
 * An entry's details are a JSON object of strings, written from and read into two text arrays.
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
    var keys = entry.details().keySet().stream().sorted().toArray(String[]::new);
    var values = java.util.Arrays.stream(keys).map(entry.details()::get).toArray(String[]::new);
    Sql.update(
        jdbc.getConnection(),
        "insert into audit_entry (case_id, actor_id, actor_name, action, details, at)"
            + " values (?, ?, ?, ?, jsonb_object(?::text[], ?::text[]), ?)",
        entry.caseId().value(),
        entry.actor().value(),
        entry.actorName(),
        entry.action(),
        keys,
        values,
        entry.at());
  }

  @Override
  @Connectable
  public List<AuditEntry> ofCase(CaseId caseId) {
    return Sql.query(
        jdbc.getConnection(),
        "select case_id, actor_id, actor_name, action, at,"
            + " array(select key from jsonb_each_text(details) order by key) as detail_keys,"
            + " array(select value from jsonb_each_text(details) order by key) as detail_values"
            + " from audit_entry where case_id = ? order by id",
        rows -> {
          var keys = (String[]) rows.getArray("detail_keys").getArray();
          var values = (String[]) rows.getArray("detail_values").getArray();
          var details = new TreeMap<String, String>();
          for (int i = 0; i < keys.length; i++) {
            // a value written as JSON null by SQL (none is by the app) is left out
            if (values[i] != null) {
              details.put(keys[i], values[i]);
            }
          }
          return new AuditEntry(
              new CaseId(rows.getObject("case_id", java.util.UUID.class)),
              new UserId(rows.getString("actor_id")),
              rows.getString("actor_name"),
              rows.getString("action"),
              details,
              rows.getTimestamp("at").toInstant());
        },
        caseId.value());
  }
}
