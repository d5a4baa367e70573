package org.clearpath.persistence.harassment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.harassment.Flag;
import org.clearpath.domain.harassment.FlagKind;
import org.clearpath.domain.harassment.Flags;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.MessageColumns;
import org.clearpath.persistence.Sql;

/** {@link Flags} in {@code harassment_flag}, {@code flag_contact} and {@code flag_evidence}. */
@Singleton
public class JdbcFlags implements Flags {
  private final JdbcOperations jdbc;

  JdbcFlags(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void add(Flag flag) {
    var why = MessageColumns.parameters(flag.why());
    Sql.update(
        jdbc.getConnection(),
        "insert into harassment_flag (id, case_id, kind, source, rule, finding_key, description,"
            + " description_code, description_params, period_from, period_to, status,"
            + " dismiss_reason, raised_by, raised_by_name, raised_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, "
            + MessageColumns.VALUES
            + ", ?, ?, ?, ?, ?, ?, ?)",
        flag.id(),
        flag.caseId().value(),
        flag.kind().name(),
        flag.source().name(),
        flag.rule(),
        flag.findingKey(),
        flag.description(),
        why[0],
        why[1],
        why[2],
        flag.from(),
        flag.to(),
        flag.status().name(),
        flag.dismissReason(),
        flag.raisedBy().value(),
        flag.raisedByName(),
        flag.raisedAt());
    OrderedLinks.insert(
        jdbc, "flag_contact", "flag_id", "contact_id", flag.id(), flag.contactIds());
    OrderedLinks.insert(jdbc, "flag_evidence", "flag_id", "file_id", flag.id(), flag.evidenceIds());
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public Optional<Flag> find(UUID id) {
    return query("f.id = ?", id).stream().findFirst();
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public List<Flag> ofCase(CaseId caseId) {
    return query("f.case_id = ?", caseId.value());
  }

  @Override
  @Transactional
  public void dismiss(UUID id, String reason, long expectedVersion) {
    int changed =
        Sql.update(
            jdbc.getConnection(),
            "update harassment_flag set status = 'DISMISSED', dismiss_reason = ?,"
                + " version = version + 1 where id = ? and version = ?",
            reason,
            id,
            expectedVersion);
    if (changed != 1) {
      throw new StaleVersion("the flag");
    }
  }

  /** Flags with their contacts and files, in their order, in one statement. */
  private List<Flag> query(String where, UUID parameter) {
    return Sql.query(
        jdbc.getConnection(),
        "select f.*, "
            + MessageColumns.select("f.description_code", "f.description_params", "why")
            + ", array(select l.contact_id from flag_contact l where l.flag_id = f.id order by"
            + " l.position) as contact_ids, array(select l.file_id from flag_evidence l where"
            + " l.flag_id = f.id order by l.position) as file_ids from harassment_flag f where "
            + where
            + " order by f.raised_at desc, f.id",
        JdbcFlags::flag,
        parameter);
  }

  private static Flag flag(java.sql.ResultSet rows) throws java.sql.SQLException {
    return new Flag(
        rows.getObject("id", UUID.class),
        new CaseId(rows.getObject("case_id", UUID.class)),
        FlagKind.valueOf(rows.getString("kind")),
        Flag.Source.valueOf(rows.getString("source")),
        rows.getString("rule"),
        rows.getString("finding_key"),
        rows.getString("description"),
        MessageColumns.read(rows, "why"),
        Sql.date(rows, "period_from"),
        Sql.date(rows, "period_to"),
        List.of((UUID[]) rows.getArray("contact_ids").getArray()),
        List.of((UUID[]) rows.getArray("file_ids").getArray()),
        Flag.Status.valueOf(rows.getString("status")),
        rows.getString("dismiss_reason"),
        new UserId(rows.getString("raised_by")),
        rows.getString("raised_by_name"),
        rows.getTimestamp("raised_at").toInstant(),
        rows.getLong("version"));
  }
}
