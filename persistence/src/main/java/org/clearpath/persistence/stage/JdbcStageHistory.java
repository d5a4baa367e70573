package org.clearpath.persistence.stage;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.stage.StageHistory;
import org.clearpath.domain.stage.StagePeriod;
import org.clearpath.domain.stage.StageThresholds;
import org.clearpath.persistence.MessageColumns;
import org.clearpath.persistence.Sql;

/**
 * {@link StageHistory} in {@code stage_period}. The daily job is set-based SQL in one transaction:
 * it computes every case's stage with the rules of {@link org.clearpath.domain.stage.StagePolicy}
 * (oldest unpaid due by running totals, worst open debt, legal milestones in force), then closes
 * and opens periods, updates {@code case_file.stage} and writes audit entries only where the stage
 * changed. A debt in an agreed or active plan is measured against the plan's instalments and
 * payments instead of its own dues and repayments; when the plan breaks, its own count again (stage
 * tracking resumes). A transaction-scoped advisory lock makes concurrent runs (two app instances)
 * take turns; the second finds nothing left to change.
 */
@Singleton
public class JdbcStageHistory
    implements StageHistory, org.clearpath.domain.stage.WorkingTheStage.ManualStages {
  static final long JOB_LOCK = 0x5354414745L; // "STAGE"
  static final int CASE_LOCK_SPACE = 0x53544147; // "STAG", with the case's hash
  static final String JOB_ACTOR = "system:stage-job";

  static final String COMPUTE_CHANGES =
      """
      create temporary table stage_change on commit drop as
      with params as (
          select cast(? as date) as day, ? as early_from, ? as mid_from, ? as late_from,
                 cast(? as uuid) as only_case
      ),
      in_force as materialized (
          -- a debt in an agreed or active plan is measured against the plan's schedule instead
          select distinct on (pd.debt_id) pd.debt_id, pd.plan_id
          from plan_debt pd join plan pl on pl.id = pd.plan_id, params p
          where pl.status in ('AGREED', 'ACTIVE') /*plan*/
          order by pd.debt_id, pd.plan_id
      ),
      open_debt as materialized (
          select d.id, d.case_id, l.name as lender_name, f.plan_id
          from debt d join lender l on l.id = d.lender_id
          left join in_force f on f.debt_id = d.id, params p
          where d.status = 'OPEN' /*debt*/
      ),
      paid as materialized (
          -- a debt has repayments or (in a plan) the plan's payments, never both: no fan-out
          select od.id as debt_id, coalesce(sum(r.amount), 0) + coalesce(sum(pp.amount), 0) as total
          from open_debt od
          left join debt_repayment r
                 on r.debt_id = od.id and od.plan_id is null
                and r.paid_on <= (select day from params)
          left join plan_payment pp
                 on pp.plan_id = od.plan_id and pp.paid_on <= (select day from params)
          group by od.id
      ),
      running as (
          select du.debt_id, du.due_date,
                 sum(du.amount) over (partition by du.debt_id order by du.due_date, du.id) as total
          from debt_due du join open_debt od on od.id = du.debt_id
          where od.plan_id is null
          union all
          select od.id, pi.due_on,
                 sum(pi.amount) over (partition by od.id order by pi.due_on, pi.number) as total
          from plan_instalment pi join open_debt od on od.plan_id = pi.plan_id
      ),
      oldest_unpaid as (
          select r.debt_id, min(r.due_date) as due_date
          from running r join paid p on p.debt_id = r.debt_id
          where r.total > p.total
          group by r.debt_id
      ),
      worst as (
          select distinct on (od.case_id) od.case_id, od.lender_name,
                 od.plan_id is not null as under_plan,
                 greatest(0, coalesce((select day from params) - ou.due_date, 0)) as dpd
          from open_debt od left join oldest_unpaid ou on ou.debt_id = od.id
          order by od.case_id, dpd desc, od.lender_name
      ),
      debt_count as (
          select d.case_id, count(*) as n from debt d, params p
          where true /*debt*/
          group by d.case_id
      ),
      legal as (
          select distinct on (m.case_id) m.case_id, m.kind, m.on_date
          from legal_milestone m, params p
          where m.on_date <= p.day and (m.ended_on is null or m.ended_on > p.day)
            /*milestone*/
          order by m.case_id, m.on_date, m.kind
      ),
      computed as (
          select c.id as case_id,
                 case when l.case_id is not null then 'LEGAL'
                      when dc.case_id is null then 'CURRENT'
                      when w.case_id is null then 'RESOLVED'
                      when w.dpd >= p.late_from then 'LATE'
                      when w.dpd >= p.mid_from then 'MID'
                      when w.dpd >= p.early_from then 'EARLY'
                      else 'CURRENT' end as stage,
                 case when l.case_id is not null then 'legal: ' || l.kind || ' since ' || l.on_date
                      when dc.case_id is null then 'no debts recorded yet'
                      when w.case_id is null then 'every debt is closed'
                      when w.dpd = 0 and w.under_plan
                           then w.lender_name || ' is being repaid under an agreed plan'
                      when w.dpd = 0 then w.lender_name || ' has nothing past due'
                      when w.under_plan
                           then w.lender_name || ' is ' || w.dpd || ' days behind its plan'
                      else w.lender_name || ' is ' || w.dpd || ' days past due' end as reason,
                 -- the same reason as a code and parameters, for the UI to say in any language
                 case when l.case_id is not null then 'stage.legal'
                      when dc.case_id is null then 'stage.no-debts'
                      when w.case_id is null then 'stage.all-closed'
                      when w.dpd = 0 and w.under_plan then 'stage.under-plan'
                      when w.dpd = 0 then 'stage.nothing-past-due'
                      when w.under_plan then 'stage.behind-plan'
                      else 'stage.days-past-due' end as reason_code,
                 case when l.case_id is not null
                           then jsonb_build_object('kind', l.kind, 'since', l.on_date::text)
                      when dc.case_id is null or w.case_id is null then '{}'::jsonb
                      when w.dpd = 0 then jsonb_build_object('lender', w.lender_name)
                      else jsonb_build_object('lender', w.lender_name, 'days', w.dpd) end
                   as reason_params
          from case_file c
          cross join params p
          left join legal l on l.case_id = c.id
          left join debt_count dc on dc.case_id = c.id
          left join worst w on w.case_id = c.id
          where true /*case*/
      )
      select comp.case_id, comp.stage, comp.reason, comp.reason_code, comp.reason_params,
             open_period.stage as previous_stage,
             (select day from params) as day
      from computed comp
      left join stage_period open_period
             on open_period.case_id = comp.case_id and open_period.ended_on is null
      where open_period.stage is distinct from comp.stage /*period*/
        -- a stage set by hand stands until the records show a worse one
        and (open_period.changed_by is null
             or array_position(array['RESOLVED', 'CURRENT', 'EARLY', 'MID', 'LATE', 'LEGAL'],
                               comp.stage::text)
                > array_position(array['RESOLVED', 'CURRENT', 'EARLY', 'MID', 'LATE', 'LEGAL'],
                                 open_period.stage::text))
        and (open_period.started_on is null or open_period.started_on <= (select day from params))
      """;

  /**
   * The same computation for some cases; separate SQL so that the planner uses the case indexes.
   * The cases are bound at each place they filter (not read from {@code params}), so that the
   * planner sees how many there are: through the CTE it guessed, and ten thousand cases (a plan
   * watch's) took 14 s instead of the second or two their index lookups take.
   */
  private static final String COMPUTE_CHANGES_FOR_SOME_CASES =
      COMPUTE_CHANGES
          .replace("cast(? as uuid) as only_case", "cast(? as uuid[]) as only_cases")
          .replace("/*debt*/", "and d.case_id = any(cast(? as uuid[]))")
          .replace("/*plan*/", "and pl.case_id = any(cast(? as uuid[]))")
          .replace("/*milestone*/", "and m.case_id = any(cast(? as uuid[]))")
          .replace("/*case*/", "and c.id = any(cast(? as uuid[]))")
          .replace("/*period*/", "and comp.case_id = any(cast(? as uuid[]))");

  /** How many times the cases are bound in {@link #COMPUTE_CHANGES_FOR_SOME_CASES}. */
  private static final int CASE_PARAMETERS =
      (int) COMPUTE_CHANGES_FOR_SOME_CASES.chars().filter(ch -> ch == '?').count();

  /**
   * The locks: the whole-office run takes {@link #JOB_LOCK} alone; work on some cases shares it and
   * takes a lock per case (in id order, so two of them never wait on each other in a circle).
   * Writers on different cases go on side by side; the daily run waits for them and they for it.
   */
  private static final String LOCK_CASES =
      """
      select count(pg_advisory_xact_lock(%d, hashtext(id::text)))
      from (select distinct id from unnest(cast(? as uuid[])) id order by id) ids
      """
          .formatted(CASE_LOCK_SPACE);

  private static final String CLOSE_PERIODS =
      """
      update stage_period sp set ended_on = ch.day
      from stage_change ch
      where sp.case_id = ch.case_id and sp.ended_on is null
      """;

  private static final String OPEN_PERIODS =
      """
      insert into stage_period (case_id, stage, started_on, reason, reason_code, reason_params)
      select case_id, stage, day, reason, reason_code, reason_params from stage_change
      """;

  private static final String UPDATE_CASES =
      """
      update case_file c set stage = ch.stage
      from stage_change ch
      where c.id = ch.case_id
      """;

  private static final String AUDIT =
      """
      insert into audit_entry (case_id, actor_id, actor_name, action, details, at)
      select case_id, ?, 'automatic stage tracking', 'stage.changed',
             jsonb_strip_nulls(jsonb_build_object('from', previous_stage, 'to', stage,
                                                  'reason', reason, 'on', day::text,
                                                  'reasonCode', reason_code)
                               || (select coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
                                   from jsonb_each_text(reason_params))),
             now()
      from stage_change
      """;

  private final JdbcOperations jdbc;

  JdbcStageHistory(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public int recordStagesOn(LocalDate day, StageThresholds thresholds) {
    return record(day, thresholds, null);
  }

  @Override
  @Transactional
  public boolean recordStageOn(CaseId caseId, LocalDate day, StageThresholds thresholds) {
    return recordStagesOf(java.util.Set.of(caseId), day, thresholds) > 0;
  }

  @Override
  @Transactional
  public int recordStagesOf(
      java.util.Collection<CaseId> cases, LocalDate day, StageThresholds thresholds) {
    if (cases.isEmpty()) {
      return 0;
    }
    return record(day, thresholds, cases.stream().map(CaseId::value).toArray(UUID[]::new));
  }

  private static void lock(Connection connection, UUID[] cases) {
    if (cases == null) {
      Sql.execute(connection, "select pg_advisory_xact_lock(?)", JOB_LOCK);
      return;
    }
    Sql.execute(connection, "select pg_advisory_xact_lock_shared(?)", JOB_LOCK);
    Sql.execute(connection, LOCK_CASES, (Object) cases);
  }

  private int record(LocalDate day, StageThresholds thresholds, UUID[] onlyCases) {
    var connection = jdbc.getConnection();
    lock(connection, onlyCases);
    var parameters = new Object[onlyCases == null ? 5 : CASE_PARAMETERS];
    parameters[0] = day;
    parameters[1] = thresholds.earlyFrom();
    parameters[2] = thresholds.midFrom();
    parameters[3] = thresholds.lateFrom();
    if (onlyCases == null) {
      // over every case the planner cannot know how many debts are in plans or still owe (it
      // reads the CTEs blind): with few plans it guessed a few hundred debts owing and nested
      // a loop over 270,000 open debts for each, for more than ten minutes. Hash joins are
      // right for a run over the whole office, so the run asks for nothing else.
      Sql.execute(connection, "set local enable_nestloop = off");
      Sql.execute(connection, COMPUTE_CHANGES, parameters);
      Sql.execute(connection, "set local enable_nestloop to default");
    } else {
      java.util.Arrays.fill(parameters, 4, parameters.length, onlyCases);
      Sql.execute(connection, COMPUTE_CHANGES_FOR_SOME_CASES, parameters);
    }
    Sql.update(connection, CLOSE_PERIODS);
    var changed = Sql.update(connection, OPEN_PERIODS);
    Sql.update(connection, UPDATE_CASES);
    Sql.update(connection, AUDIT, JOB_ACTOR);
    // the table would otherwise live until commit, and a second call in the same transaction
    // (the plan job brings several cases up to date) could not create it again
    Sql.execute(connection, "drop table stage_change");
    return changed;
  }

  /** Ends the open period and starts one set by hand; under the job's lock. */
  @Override
  @Transactional
  public void setManually(
      CaseId caseId,
      Stage stage,
      String reason,
      LocalDate on,
      org.clearpath.domain.shared.Actor actor) {
    var connection = jdbc.getConnection();
    lock(connection, new UUID[] {caseId.value()});
    Sql.update(
        connection,
        "update stage_period set ended_on = greatest(?, started_on)"
            + " where case_id = ? and ended_on is null",
        on,
        caseId.value());
    Sql.update(
        connection,
        "insert into stage_period (case_id, stage, started_on, reason, reason_code,"
            + " changed_by, changed_by_name) values (?, ?, ?, ?, 'stage.manual', ?, ?)",
        caseId.value(),
        stage.name(),
        on,
        reason,
        actor.id().value(),
        actor.username());
    Sql.update(
        connection, "update case_file set stage = ? where id = ?", stage.name(), caseId.value());
  }

  @Override
  @Connectable
  public List<StagePeriod> of(CaseId caseId) {
    return Sql.query(
        jdbc.getConnection(),
        """
        select stage, started_on, ended_on, reason, %s,
               changed_by, changed_by_name, recorded_at
        from stage_period where case_id = ? order by started_on, id
        """
            .formatted(MessageColumns.select("reason_code", "reason_params", "why")),
        JdbcStageHistory::period,
        caseId.value());
  }

  @Override
  @Connectable
  public Optional<Stage> stageOn(CaseId caseId, LocalDate day) {
    return Sql.query(
            jdbc.getConnection(),
            """
            select stage from stage_period
            where case_id = ? and started_on <= ? and (ended_on is null or ended_on > ?)
            order by started_on desc, id desc limit 1
            """,
            rows -> Stage.valueOf(rows.getString(1)),
            caseId.value(),
            day,
            day)
        .stream()
        .findFirst();
  }

  private static StagePeriod period(ResultSet row) throws SQLException {
    var changedBy = row.getString("changed_by");
    return new StagePeriod(
        Stage.valueOf(row.getString("stage")),
        Sql.date(row, "started_on"),
        Sql.date(row, "ended_on"),
        row.getString("reason"),
        MessageColumns.read(row, "why"),
        changedBy == null ? null : new UserId(changedBy),
        row.getString("changed_by_name"),
        row.getTimestamp("recorded_at").toInstant());
  }
}
