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

  /**
   * How long a taking keeps other instances off its cases: a batch is judged in well under a
   * second. Past it, another instance may judge them too, which does no harm (the first to keep
   * ends the case's due); a taking that died is taken again then.
   */
  static final String TAKEN_FOR = "30 seconds";

  @Override
  @Transactional
  public List<Due> takeDue(int max) {
    return Sql.query(
        jdbc.getConnection(),
        "update finding_due d set taken_until = now() + interval '"
            + TAKEN_FOR
            + "' from (select case_id from finding_due"
            + " where taken_until is null or taken_until < now()"
            + " order by marked_at, case_id limit ? for update skip locked) t"
            + " where d.case_id = t.case_id returning d.case_id, d.mark",
        rows -> new Due(new CaseId(rows.getObject(1, UUID.class)), rows.getLong(2)),
        max);
  }

  @Override
  @Transactional
  public void keep(Map<Due, List<Finding>> judged) {
    if (judged.isEmpty()) {
      return;
    }
    var connection = jdbc.getConnection();
    var taken = new java.util.HashMap<UUID, Long>();
    judged.keySet().forEach(due -> taken.put(due.caseId().value(), due.mark()));
    // the cases still due, held until the findings are written: one no longer due was kept from
    // a later taking (its findings are newer than these); one being marked right now is skipped,
    // and stays due
    var stillDue = new java.util.HashMap<UUID, Long>();
    Sql.query(
        connection,
        "select case_id, mark from finding_due where case_id = any(?) order by case_id"
            + " for update skip locked",
        rows -> stillDue.put(rows.getObject(1, UUID.class), rows.getLong(2)),
        (Object) taken.keySet().toArray(UUID[]::new));
    if (stillDue.isEmpty()) {
      return;
    }
    var ids = stillDue.keySet().toArray(UUID[]::new);
    // only what changed is written (a judging again mostly finds what it found before): the
    // cases' rows stay locked for a few statements, not for all their findings rewritten
    var kept = new java.util.HashMap<Key, Stored>();
    Sql.query(
        connection,
        "select case_id, finding_key, rule, kind, found_from, found_to, "
            + MessageColumns.select("why_code", "why_params", "why")
            + " from case_finding where case_id = any(?)",
        row ->
            kept.put(
                new Key(row.getObject(1, UUID.class), row.getString(2)),
                new Stored(
                    row.getString(3),
                    row.getString(4),
                    row.getObject(5, java.time.LocalDate.class),
                    row.getObject(6, java.time.LocalDate.class),
                    MessageColumns.read(row, "why"))),
        (Object) ids);
    var found = new java.util.HashSet<Key>();
    var changed = new ArrayList<Object[]>();
    judged.forEach(
        (due, findings) -> {
          if (!stillDue.containsKey(due.caseId().value())) {
            return;
          }
          for (var finding : findings) {
            // a rule may find the same thing twice in one log (two packs): its key names it once
            var key = new Key(due.caseId().value(), finding.key());
            if (found.add(key) && !Stored.of(finding).equals(kept.get(key))) {
              var why = MessageColumns.parameters(finding.why());
              changed.add(
                  new Object[] {
                    key.caseId(),
                    key.findingKey(),
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
    var gone = kept.keySet().stream().filter(key -> !found.contains(key)).toList();
    if (!gone.isEmpty()) {
      Sql.update(
          connection,
          "delete from case_finding f using unnest(?::uuid[], ?::text[]) g(case_id, finding_key)"
              + " where f.case_id = g.case_id and f.finding_key = g.finding_key",
          gone.stream().map(Key::caseId).toArray(UUID[]::new),
          gone.stream().map(Key::findingKey).toArray(String[]::new));
    }
    if (!changed.isEmpty()) {
      Sql.batch(
          connection,
          "insert into case_finding (case_id, finding_key, rule, kind, found_from, found_to,"
              + " why_code, why_params) values (?, ?, ?, ?, ?, ?, "
              + MessageColumns.VALUES
              + ") on conflict (case_id, finding_key) do update set rule = excluded.rule,"
              + " kind = excluded.kind, found_from = excluded.found_from,"
              + " found_to = excluded.found_to, why_code = excluded.why_code,"
              + " why_params = excluded.why_params",
          changed);
    }
    // judged as marked when taken: no longer due. Marked again since: still due (the marking
    // made it free to take)
    var judgedAsTaken =
        stillDue.entrySet().stream()
            .filter(due -> due.getValue().equals(taken.get(due.getKey())))
            .map(Map.Entry::getKey)
            .toArray(UUID[]::new);
    Sql.update(
        connection, "delete from finding_due where case_id = any(?)", (Object) judgedAsTaken);
  }

  /** A kept finding's row, by its primary key. */
  private record Key(UUID caseId, String findingKey) {}

  /** What a kept finding's row holds besides its key. */
  private record Stored(
      String rule,
      String kind,
      java.time.LocalDate from,
      java.time.LocalDate to,
      org.clearpath.domain.shared.Message why) {
    static Stored of(Finding finding) {
      return new Stored(
          finding.rule(), finding.kind().name(), finding.from(), finding.to(), finding.why());
    }
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
        "insert into finding_due (case_id) select id from case_file order by id"
            + " on conflict (case_id) do update"
            + " set marked_at = now(), mark = finding_due.mark + 1, taken_until = null");
    Sql.update(connection, "update finding_rules set fingerprint = ?", fingerprint);
    return true;
  }
}
