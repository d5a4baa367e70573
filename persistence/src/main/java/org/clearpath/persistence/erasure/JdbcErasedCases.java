package org.clearpath.persistence.erasure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.clearpath.domain.erasure.ErasedCases;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.persistence.Sql;

/**
 * {@link ErasedCases} in SQL (V34). The case is marked erased first: only then do the append-only
 * tables' triggers let the columns the {@code erasable} table names be emptied, and the evidence's
 * bytes be deleted, for that case's rows. Then its data key goes ({@code case_key}), and the
 * working tables' personal columns are emptied the same way.
 */
@Singleton
public class JdbcErasedCases implements ErasedCases {
  /**
   * What each statement empties, by table: every table {@code erasable} names is here (a test holds
   * them to it), and the working tables whose free text or numbers are the client's.
   */
  static final List<String> STATEMENTS =
      List.of(
          // the append-only tables (erasable)
          "update contact_entry set summary = null, contacted_number = null,"
              + " correction_reason = null where case_id = ?",
          "update evidence_file set file_name = '', description = null where case_id = ?",
          "delete from evidence_chunk where file_id in (select id from evidence_file"
              + " where case_id = ?)",
          "update budget set note = null where case_id = ?",
          "update budget_line set label = '' where case_id = ?",
          "update plan_debt set label = '' where plan_id in (select id from plan where case_id = ?)",
          "update plan_payment set note = null where plan_id in (select id from plan"
              + " where case_id = ?)",
          "update case_review set note = null, actions = '[]' where case_id = ?",
          "update wellbeing_check set note = null where case_id = ?",
          "update access_entry set details = '{}' where case_id = ?",
          "update audit_entry set details = '{}' where case_id = ?",
          // the working tables
          "delete from case_key where case_id = ?",
          "update harassment_flag set description = '', dismiss_reason = null where case_id = ?",
          // nothing of it waits for anyone any more
          "update complaint set text = '', review_note = null, reference = null, answer = null,"
              + " closing_note = null, status = 'CLOSED' where case_id = ?",
          // a plan of nobody's is watched no longer (no missed instalments, no tasks)
          "update plan set terms = '', status_reason = null, status = case when status in"
              + " ('PROPOSED', 'AGREED', 'ACTIVE') then 'WITHDRAWN' else status end"
              + " where case_id = ?",
          "update plan_approval set note = null, why_params = '{}', status = case status when"
              + " 'PENDING' then 'RETURNED' else status end where plan_id in (select id from plan"
              + " where case_id = ?)",
          "update erasure_request set note = null where case_id = ?",
          "update task set note = null where case_id = ?",
          "update stage_period set reason = '', reason_params = '{}' where case_id = ?"
              + " and reason_code = 'stage.manual'",
          "update debt set product = null where case_id = ?",
          "delete from calendar_feed where case_id = ?",
          "delete from case_finding where case_id = ?",
          "delete from finding_mark where case_id = ?",
          "delete from finding_taken where case_id = ?");

  private final JdbcOperations jdbc;

  JdbcErasedCases(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public boolean erase(CaseId caseId, Instant at) {
    var connection = jdbc.getConnection();
    // the portal login goes after this transaction (it is in Keycloak): its id waits here
    Sql.update(
        connection,
        "insert into portal_login_removal (login_id, case_id) select client_login_id, id"
            + " from case_file where id = ? and erased_at is null and client_login_id is not null"
            + " on conflict (login_id) do nothing",
        caseId.value());
    var marked =
        Sql.update(
            connection,
            """
            update case_file set erased_at = ?, client_name = ?, client_record = null,
                   phone_hash = null, id_number_hash = null, phone = null, email = null,
                   id_number = null, household_notes = null, client_login_id = null,
                   status = 'CLOSED', status_reason = null, version = version + 1
            where id = ? and erased_at is null
            """,
            at,
            ERASED_NAME,
            caseId.value());
    if (marked == 0) {
      return false;
    }
    for (var statement : STATEMENTS) {
      Sql.update(connection, statement, caseId.value());
    }
    return true;
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public List<CaseId> pastRetention(
      java.util.Map<String, Instant> closedBefore, String office, int limit) {
    var where = closedBefore.keySet().toArray(String[]::new);
    var cutoffs = closedBefore.values().stream().map(Instant::toString).toArray(String[]::new);
    return Sql.query(
        jdbc.getConnection(),
        """
        select c.id from case_file c
        join unnest(?::text[], ?::text[]) as r(jurisdiction, cutoff)
          on r.jurisdiction = coalesce(c.jurisdiction, ?)
        where c.status = 'CLOSED' and c.erased_at is null and c.legal_hold_reason is null
          and c.closed_at < r.cutoff::timestamptz
        order by c.closed_at, c.id limit ?
        """,
        rows -> new CaseId(rows.getObject(1, java.util.UUID.class)),
        where,
        cutoffs,
        office,
        limit);
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public List<LoginToRemove> loginsToRemove(int limit) {
    return Sql.query(
        jdbc.getConnection(),
        "select login_id, case_id from portal_login_removal order by asked_at, login_id limit ?",
        rows ->
            new LoginToRemove(
                new org.clearpath.domain.shared.UserId(rows.getString(1)),
                new CaseId(rows.getObject(2, java.util.UUID.class))),
        limit);
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public boolean stillInUse(org.clearpath.domain.shared.UserId login) {
    return !Sql.query(
            jdbc.getConnection(),
            "select 1 from case_file where client_login_id = ? and erased_at is null limit 1",
            rows -> true,
            login.value())
        .isEmpty();
  }

  @Override
  @Transactional
  public boolean loginRemoved(org.clearpath.domain.shared.UserId login) {
    return 1
        == Sql.update(
            jdbc.getConnection(),
            "delete from portal_login_removal where login_id = ?",
            login.value());
  }
}
