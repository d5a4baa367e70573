package org.clearpath.persistence.day;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.day.DayItem;
import org.clearpath.domain.day.DayQueue;
import org.clearpath.domain.day.DaySection;
import org.clearpath.domain.day.DaySection.Kind;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Reach;
import org.clearpath.persistence.Reaches;
import org.clearpath.persistence.Sql;

/**
 * {@link DayQueue} in SQL: each section is one query for its rows (what to act on first) and one
 * for how many there are, over the cases the person holds (or every case for a supervisor).
 */
@Singleton
public class JdbcDayQueue implements DayQueue {
  /** Every case that is not closed, within the reach ({@link Reaches}). */
  private static String reach(Reach reach) {
    return " c.status <> 'CLOSED' " + Reaches.condition(reach, "c.counselor_id");
  }

  private final JdbcOperations jdbc;

  JdbcDayQueue(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Connectable
  public DaySection followUps(Reach reach, LocalDate today, int limit) {
    // a case's follow-up is due when its latest standing contact asked for one by today: logging
    // the follow-up contact clears it (or sets the next). The database keeps it beside the case
    // (V17, V44), where its index gives the earliest first.
    var from =
        " from case_latest l where l.status <> 'CLOSED' "
            + Reaches.condition(reach, "l.counselor_id")
            + " and l.follow_up_on is not null and l.follow_up_on <= ?";
    return section(
        Kind.FOLLOW_UP,
        "select l.case_id as id, l.client_name, c.counselor_name, l.follow_up_on as on_day,"
            + " l.follow_up_channel as p_channel"
            + from.replace(" where", " join case_file c on c.id = l.case_id where")
            + " order by l.follow_up_on, l.client_name, l.case_id limit ?",
        "select count(*)" + from,
        limit,
        reach,
        today);
  }

  @Override
  @Connectable
  public DaySection tasks(Reach reach, int limit) {
    // a crisis has its own section, first
    var from =
        " from task t join case_file c on c.id = t.case_id where t.done_at is null"
            + " and t.kind <> 'WELLBEING_CRISIS' and"
            + reach(reach);
    return section(
        Kind.TASK,
        "select c.id, c.client_name, c.counselor_name, coalesce(t.due_on, t.created_at::date)"
            + " as on_day, t.kind as p_task, t.instalment::text as p_instalment,"
            + " trim_scale(t.amount)::text as p_amount, t.currency as p_currency,"
            + " t.note as p_note"
            + from
            + " order by t.created_at, t.due_on, t.id limit ?",
        "select count(*)" + from,
        limit,
        reach);
  }

  @Override
  @Connectable
  public DaySection crises(Reach reach, int limit) {
    var from =
        " from task t join case_file c on c.id = t.case_id where t.done_at is null"
            + " and t.kind = 'WELLBEING_CRISIS' and"
            + reach(reach);
    return section(
        Kind.CRISIS,
        "select c.id, c.client_name, c.counselor_name, t.created_at::date as on_day,"
            + " t.id::text as p_task_id, t.created_at::text as p_at"
            + from
            + " order by t.created_at, t.id limit ?",
        "select count(*)" + from,
        limit,
        reach);
  }

  @Override
  @Connectable
  public DaySection incidents(Reach reach, int limit) {
    var from =
        " from harassment_flag f join case_file c on c.id = f.case_id"
            + " where f.source = 'CLIENT' and f.status = 'OPEN' and"
            + reach(reach);
    return section(
        Kind.INCIDENT,
        "select c.id, c.client_name, c.counselor_name, f.period_from as on_day,"
            + " f.kind as p_kind"
            + from
            + " order by f.raised_at desc, f.id limit ?",
        "select count(*)" + from,
        limit,
        reach);
  }

  @Override
  @Connectable
  public DaySection instalments(Reach reach, LocalDate from, LocalDate until, int limit) {
    // payments fill instalments in order: one is unpaid while the running total up to it is
    // more than what was paid in all
    var due =
        """
         from (
           select p.id as plan_id, p.currency, c.id, c.client_name, c.counselor_name,
                  i.number, i.due_on, i.amount,
                  sum(i.amount) over (partition by p.id order by i.due_on, i.number) as running,
                  coalesce((select sum(pp.amount) from plan_payment pp
                            where pp.plan_id = p.id), 0) as paid
           from plan p
           join case_file c on c.id = p.case_id
           join plan_instalment i on i.plan_id = p.id
           where p.status in ('AGREED', 'ACTIVE') and\
        """
            + reach(reach)
            + """
           ) r
         where r.running > r.paid and r.due_on between ? and ?
        """;
    return section(
        Kind.INSTALMENT,
        "select r.id, r.client_name, r.counselor_name, r.due_on as on_day,"
            + " r.number::text as p_instalment, trim_scale(least(r.amount, r.running - r.paid))"
            + "::text as p_amount, r.currency as p_currency"
            + due
            + " order by r.due_on, r.client_name, r.id limit ?",
        "select count(*)" + due,
        limit,
        reach,
        from,
        until);
  }

  @Override
  @Connectable
  public DaySection quiet(Reach reach, LocalDate today, int days, int limit) {
    var since = today.minusDays(days);
    // the case's latest contact is kept beside it (V10, V44); a case never contacted counts from
    // its opening
    var from =
        " from case_latest l where l.status not in ('CLOSED', 'RESOLVED')"
            + Reaches.condition(reach, "l.counselor_id")
            + " and coalesce(l.last_contact_at, l.opened_at) < ?::date";
    return section(
        Kind.QUIET,
        "select l.case_id as id, l.client_name, c.counselor_name,"
            + " coalesce(l.last_contact_at, l.opened_at)::date as on_day,"
            + " (l.last_contact_at is null)::text as p_never"
            + from.replace(" where", " join case_file c on c.id = l.case_id where")
            + " order by coalesce(l.last_contact_at, l.opened_at), l.case_id limit ?",
        "select count(*)" + from,
        limit,
        reach,
        since);
  }

  @Override
  @Connectable
  public DaySection complaintsToReview(Reach reach, int limit) {
    var from =
        " from complaint k join case_file c on c.id = k.case_id where k.status = 'DRAFTED'"
            + Reaches.condition(reach, "c.counselor_id");
    return section(
        Kind.COMPLAINT_REVIEW,
        "select c.id, c.client_name, c.counselor_name, k.drafted_at::date as on_day,"
            + " k.body_code as p_body, k.drafted_by_name as p_by"
            + from
            + " order by k.drafted_at, k.id limit ?",
        "select count(*)" + from,
        limit,
        reach);
  }

  @Override
  @Connectable
  public DaySection reviewsDue(
      Reach reach,
      LocalDate today,
      org.clearpath.domain.supervision.ReviewIntervals intervals,
      int limit) {
    // each stage's interval in one case expression; the shortest one bounds review_base first, so
    // the partial index on review_base reads only the cases that may be due
    var days = new StringBuilder("case c.stage");
    var shortest = org.clearpath.domain.supervision.ReviewIntervals.DEFAULT_DAYS;
    for (var stage : org.clearpath.domain.shared.Stage.values()) {
      days.append(" when '").append(stage.name()).append("' then ").append(intervals.of(stage));
      shortest = Math.min(shortest, intervals.of(stage));
    }
    days.append(" end");
    var due = "(c.review_base at time zone '" + intervals.zone().getId() + "')::date + " + days;
    var from =
        " from case_file c where c.status not in ('CLOSED', 'RESOLVED')"
            + Reaches.condition(reach, "c.counselor_id")
            + " and c.review_base < ? and "
            + due
            + " <= ?";
    return section(
        Kind.REVIEW,
        "select c.id, c.client_name, c.counselor_name, "
            + due
            + " as on_day, c.stage as p_stage, (c.last_reviewed_at is null)::text as p_never"
            + from
            + " order by on_day, c.id limit ?",
        "select count(*)" + from,
        limit,
        reach,
        today.plusDays(1).minusDays(shortest).atStartOfDay(intervals.zone()).toInstant(),
        today);
  }

  @Override
  @Connectable
  public DaySection approvalsPending(Reach reach, int limit) {
    var from =
        " from plan_approval a join plan p on p.id = a.plan_id join case_file c on c.id = p.case_id"
            + " where a.status = 'PENDING' and p.status = 'PROPOSED'"
            + Reaches.condition(reach, "c.counselor_id");
    return section(
        Kind.PLAN_APPROVAL,
        "select c.id, c.client_name, c.counselor_name, a.requested_at::date as on_day,"
            + " a.why_code as p_why, trim_scale(p.agreed_total)::text as p_amount,"
            + " p.currency as p_currency"
            + from
            + " order by a.requested_at, a.plan_id limit ?",
        "select count(*)" + from,
        limit,
        reach);
  }

  @Override
  @Connectable
  public DaySection erasuresWaiting(Reach reach, int limit) {
    var from =
        " from erasure_request r join case_file c on c.id = r.case_id"
            + " where r.status = 'REQUESTED'"
            + Reaches.condition(reach, "c.counselor_id");
    return section(
        Kind.ERASURE,
        "select c.id, c.client_name, c.counselor_name, r.requested_at::date as on_day,"
            + " r.requested_as as p_as"
            + from
            + " order by r.requested_at, r.id limit ?",
        "select count(*)" + from,
        limit,
        reach);
  }

  @Override
  @Connectable
  public DaySection findings(Reach reach, Instant contactedSince, int limit) {
    // the findings kept beside each case (V33), less those a flag covers (raised or dismissed)
    var from =
        " from case_latest l join case_finding f on f.case_id = l.case_id"
            + " join case_file c on c.id = l.case_id"
            + " where l.status not in ('CLOSED', 'RESOLVED')"
            + Reaches.condition(reach, "l.counselor_id")
            // contacted since: as the quiet cases' index has it (V44), a range of it
            + " and l.last_contact_at is not null"
            + " and coalesce(l.last_contact_at, l.opened_at) >= ?"
            + " and not exists (select 1 from harassment_flag h where h.case_id = f.case_id"
            + " and h.finding_key = f.finding_key)";
    return section(
        Kind.FINDING,
        "select c.id, c.client_name, c.counselor_name, f.found_to as on_day, f.kind, f.rule, "
            + org.clearpath.persistence.MessageColumns.select("f.why_code", "f.why_params", "why")
            + from
            + " order by f.found_to desc, l.last_contact_at desc, c.id, f.finding_key limit ?",
        "select count(*)" + from,
        JdbcDayQueue::finding,
        limit,
        reach,
        contactedSince);
  }

  /** A finding's row: its message's parameters, with its code, kind and rule. */
  private static DayItem finding(ResultSet rows) throws SQLException {
    var why = org.clearpath.persistence.MessageColumns.read(rows, "why");
    var params = new java.util.TreeMap<String, String>(why.params());
    params.put("code", why.code());
    params.put("kind", rows.getString("kind"));
    params.put("rule", rows.getString("rule"));
    return new DayItem(
        new CaseId(rows.getObject("id", UUID.class)),
        rows.getString("client_name"),
        rows.getString("counselor_name"),
        Sql.date(rows, "on_day"),
        Map.copyOf(params));
  }

  /**
   * Runs the rows query (the counselor's id if the reach has one, the other parameters, then the
   * limit) and the count query (the same parameters without the limit).
   */
  private DaySection section(
      Kind kind, String rowsSql, String countSql, int limit, Reach reach, Object... others) {
    return section(kind, rowsSql, countSql, JdbcDayQueue::item, limit, reach, others);
  }

  /**
   * {@link #section} with rows of its own; a section shorter than its limit is all there is, else
   * its count query says how many.
   */
  private DaySection section(
      Kind kind,
      String rowsSql,
      String countSql,
      Sql.Row<DayItem> row,
      int limit,
      Reach reach,
      Object... others) {
    var parameters = Reaches.with(reach, others);
    var withLimit = java.util.Arrays.copyOf(parameters, parameters.length + 1);
    withLimit[parameters.length] = limit;
    var items = Sql.query(jdbc.getConnection(), rowsSql, row, withLimit);
    var total =
        items.size() < limit
            ? items.size()
            : Math.toIntExact(
                Sql.query(jdbc.getConnection(), countSql, rows -> rows.getLong(1), parameters)
                    .getFirst());
    return new DaySection(kind, total, items);
  }

  /** A row: the case, its day, and every column named p_x as parameter x. */
  private static DayItem item(ResultSet rows) throws SQLException {
    var meta = rows.getMetaData();
    var params = new java.util.TreeMap<String, String>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      var name = meta.getColumnLabel(i);
      if (name.startsWith("p_")) {
        var value = rows.getString(i);
        if (value != null) {
          params.put(name.substring(2), value);
        }
      }
    }
    return new DayItem(
        new CaseId(rows.getObject("id", UUID.class)),
        rows.getString("client_name"),
        rows.getString("counselor_name"),
        Sql.date(rows, "on_day"),
        Map.copyOf(params));
  }
}
