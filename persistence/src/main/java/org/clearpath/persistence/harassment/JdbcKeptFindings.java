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
 * {@link KeptFindings} in {@code case_finding}, with the cases' marks in {@code finding_mark}, the
 * cases being judged in {@code finding_taken} (V40) and the packs' fingerprint in {@code
 * finding_rules} (V33). The database marks cases due itself (its triggers on contacts,
 * jurisdictions and lenders), adding a row that nothing else writes: a marking waits for no job.
 * {@link Due#mark()} is the number of the taking.
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

  /**
   * How many of the oldest marks a taking looks at for each case it takes: the queue is read from
   * its head, never grouped whole (after a change of rule packs it holds every case).
   */
  private static final int MARKS_PER_CASE = 5;

  @Override
  @Transactional
  public List<Due> takeDue(int max) {
    // the cases with the oldest marks, and takings whose time is up (their marks went with them),
    // not taken by another instance right now; a taking moves the case's marks into it: one
    // committed after this statement began stays, and the case is due again once this is kept
    return Sql.query(
        jdbc.getConnection(),
        "with due as (select d.case_id, min(d.seq) as oldest from ("
            + " (select m.case_id, m.seq from finding_mark m order by m.seq limit ?)"
            + " union all"
            + " select t.case_id, 0 from finding_taken t where t.taken_until < now()) d"
            + " where not exists (select 1 from finding_taken t"
            + " where t.case_id = d.case_id and t.taken_until >= now())"
            + " group by d.case_id order by oldest, d.case_id limit ?),"
            + " taking as (select nextval('finding_taking') as n),"
            + " taken as (insert into finding_taken as t (case_id, taking, taken_until)"
            + " select due.case_id, taking.n, now() + interval '"
            + TAKEN_FOR
            + "' from due, taking order by due.case_id"
            + " on conflict (case_id) do update set taking = excluded.taking,"
            + " taken_until = excluded.taken_until where t.taken_until < now()"
            + " returning t.case_id, t.taking),"
            + " moved as (delete from finding_mark m using taken where m.case_id = taken.case_id)"
            + " select case_id, taking from taken",
        rows -> new Due(new CaseId(rows.getObject(1, UUID.class)), rows.getLong(2)),
        max * MARKS_PER_CASE,
        max);
  }

  @Override
  @Transactional
  public void keep(Map<Due, List<Finding>> judged) {
    if (judged.isEmpty()) {
      return;
    }
    var connection = jdbc.getConnection();
    var takenCases = judged.keySet().stream().map(due -> due.caseId().value()).toList();
    var takings = judged.keySet().stream().map(Due::mark).toList();
    // the cases still taken by these takings, held until the findings are written: one taken
    // again since (its time was up) is another taking's to keep, and its findings will be newer
    var stillDue = new java.util.HashSet<UUID>();
    Sql.query(
        connection,
        "select t.case_id from finding_taken t"
            + " join unnest(?::uuid[], ?::bigint[]) g(case_id, taking)"
            + " on g.case_id = t.case_id and g.taking = t.taking"
            + " order by t.case_id for update of t skip locked",
        rows -> stillDue.add(rows.getObject(1, UUID.class)),
        takenCases.toArray(UUID[]::new),
        takings.toArray(Long[]::new));
    if (stillDue.isEmpty()) {
      return;
    }
    var ids = stillDue.toArray(UUID[]::new);
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
          if (!stillDue.contains(due.caseId().value())) {
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
    // the takings end; a case marked since it was taken has its marks, and is due again
    Sql.update(connection, "delete from finding_taken where case_id = any(?)", (Object) ids);
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
        connection, "insert into finding_mark (case_id) select id from case_file order by id");
    Sql.update(connection, "update finding_rules set fingerprint = ?", fingerprint);
    return true;
  }
}
