package org.clearpath.persistence.harassment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.harassment.Finding;
import org.clearpath.domain.harassment.KeptFindings;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.persistence.MessageColumns;
import org.clearpath.persistence.Sql;

/**
 * {@link KeptFindings} in {@code case_finding}, with the cases due in {@code finding_due} and the
 * packs' fingerprint in {@code finding_rules} (V33). The database marks cases due itself (its
 * triggers on contacts, jurisdictions and lenders).
 */
@Singleton
public class JdbcKeptFindings implements KeptFindings {
  private final JdbcOperations jdbc;

  JdbcKeptFindings(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public List<CaseId> takeDue(int max) {
    return Sql.query(
        jdbc.getConnection(),
        "select case_id from finding_due order by marked_at, case_id limit ?"
            + " for update skip locked",
        rows -> new CaseId(rows.getObject(1, UUID.class)),
        max);
  }

  @Override
  @Transactional
  public void keep(Map<CaseId, List<Finding>> judged) {
    if (judged.isEmpty()) {
      return;
    }
    var connection = jdbc.getConnection();
    var ids = judged.keySet().stream().map(CaseId::value).toArray(UUID[]::new);
    Sql.update(connection, "delete from case_finding where case_id = any(?)", (Object) ids);
    var rows = new ArrayList<Object[]>();
    judged.forEach(
        (caseId, findings) -> {
          // a rule may find the same thing twice in one log (two packs): its key names it once
          var keys = new java.util.HashSet<String>();
          for (var finding : findings) {
            if (keys.add(finding.key())) {
              var why = MessageColumns.parameters(finding.why());
              rows.add(
                  new Object[] {
                    caseId.value(),
                    finding.key(),
                    finding.rule(),
                    finding.kind().name(),
                    finding.from(),
                    finding.to(),
                    why[0],
                    why[1],
                    why[2]
                  });
            }
          }
        });
    Sql.batch(
        connection,
        "insert into case_finding (case_id, finding_key, rule, kind, found_from, found_to,"
            + " why_code, why_params) values (?, ?, ?, ?, ?, ?, "
            + MessageColumns.VALUES
            + ")",
        rows);
    Sql.update(connection, "delete from finding_due where case_id = any(?)", (Object) ids);
  }

  @Override
  @Transactional
  public boolean judgedBy(String fingerprint) {
    var connection = jdbc.getConnection();
    var judgedBy =
        Sql.query(
                connection,
                "select fingerprint from finding_rules for update",
                rows -> rows.getString(1))
            .getFirst();
    if (judgedBy.equals(fingerprint)) {
      return false;
    }
    Sql.update(
        connection,
        "insert into finding_due (case_id) select id from case_file"
            + " on conflict (case_id) do update set marked_at = now()");
    Sql.update(connection, "update finding_rules set fingerprint = ?", fingerprint);
    return true;
  }
}
