package org.clearpath.persistence.plan;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.TreeMap;
import java.util.UUID;
import org.clearpath.domain.plan.WatchingPlans;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StandingChanges;
import org.clearpath.persistence.Sql;

/**
 * {@link WatchingPlans} in a handful of statements over every plan in force: one works out what
 * changes into a temporary table (running totals of each schedule against the payments made by the
 * day), then the plans, the missed marks, the tasks and the audit entries are written from it. A
 * transaction-scoped advisory lock makes two runs at once (two app instances) take turns; the
 * second finds nothing left to do. A plan whose version moved since the first statement read it (a
 * payment recorded meanwhile) is left for the next run, as one plan at a time would.
 */
@Singleton
public class JdbcPlanWatch implements WatchingPlans {
  static final long JOB_LOCK = 0x504C414EL; // "PLAN"

  static final String COMPUTE =
      """
      create temporary table plan_watch on commit drop as
      with params as (
          select cast(? as date) as day, cast(? as integer) as allowed, cast(? as jsonb) as digits
      ),
      in_force as materialized (
          select p.id, p.case_id, p.status, p.version, p.kind, p.currency, p.agreed_total,
                 p.status_reason, p.status_on
          from plan p where p.status in ('AGREED', 'ACTIVE')
      ),
      paid as materialized (
          select f.id as plan_id, coalesce(sum(pp.amount), 0) as total
          from in_force f
          left join plan_payment pp
                 on pp.plan_id = f.id and pp.paid_on <= (select day from params)
          group by f.id
      ),
      running as (
          select i.plan_id, i.number, i.due_on, i.missed_on,
                 sum(i.amount) over (partition by i.plan_id order by i.due_on, i.number) as total
          from plan_instalment i join in_force f on f.id = i.plan_id
      ),
      counted as (
          -- past due and not covered by the payments made by the day
          select r.plan_id, count(*) as unpaid,
                 array_agg(r.number order by r.number) filter (where r.missed_on is null)
                   as newly_missed
          from running r join paid on paid.plan_id = r.plan_id
          where r.due_on < (select day from params) and r.total > paid.total
          group by r.plan_id
      ),
      first_due as (
          select distinct on (i.plan_id) i.plan_id, i.due_on
          from plan_instalment i join in_force f on f.id = i.plan_id and f.status = 'AGREED'
          order by i.plan_id, i.number
      ),
      watched as (
          select f.*, p.day, p.allowed,
                 coalesce((p.digits ->> btrim(f.currency))::integer, 2) as digits,
                 coalesce(c.unpaid, 0) as unpaid,
                 coalesce(c.newly_missed, '{}') as newly_missed,
                 coalesce(fd.due_on <= p.day, false) as activates,
                 coalesce(c.unpaid, 0) > p.allowed as breaks
          from in_force f cross join params p
          left join counted c on c.plan_id = f.id
          left join first_due fd on fd.plan_id = f.id
          -- the plans the day has something for (Plans.toWatch)
          where c.newly_missed is not null
             or (f.status = 'AGREED'
                 and exists (select 1 from plan_instalment i
                             where i.plan_id = f.id and i.due_on <= p.day))
      ),
      decided as (
          select w.*,
                 case when w.breaks then 'BROKEN' when w.activates then 'ACTIVE'
                      else w.status end as next_status
          from watched w
      )
      select n.id, n.case_id, n.version, btrim(n.currency) as currency, n.digits, n.day,
             n.newly_missed, n.breaks, n.next_status as status,
             case when n.breaks
                       then n.unpaid || ' instalments missed and unpaid (more than ' || n.allowed
                            || ' allowed)'
                  when n.activates then null
                  else n.status_reason end as status_reason,
             case when n.breaks or n.activates then n.day else n.status_on end as status_on,
             n.activates and not n.breaks as became_active,
             cardinality(n.newly_missed) > 0 or n.activates or n.breaks as changes,
             false as applied,
             jsonb_build_object(
                 'plan', n.id::text,
                 'kind', n.kind,
                 'status', n.next_status,
                 'agreedTotal', round(n.agreed_total, n.digits)::text || ' ' || btrim(n.currency),
                 'debts', coalesce((select string_agg(d.label, ', ' order by d.position)
                                    from plan_debt d where d.plan_id = n.id), '')) as described
      from decided n
      """;

  private static final String UPDATE_PLANS =
      """
      with updated as (
          update plan p set status = w.status, status_reason = w.status_reason,
                            status_on = w.status_on, version = p.version + 1
          from plan_watch w
          where w.changes and p.id = w.id and p.version = w.version
          returning p.id
      )
      update plan_watch w set applied = true from updated u where u.id = w.id
      """;

  private static final String MARK_MISSED =
      """
      update plan_instalment i set missed_on = w.day
      from plan_watch w
      where w.applied and i.plan_id = w.id and i.number = any(w.newly_missed)
      """;

  private static final String TASKS =
      """
      insert into task (id, case_id, kind, plan_id, instalment, due_on, amount, currency,
                        created_at)
      select gen_random_uuid(), w.case_id, 'INSTALMENT_MISSED', w.id, i.number, i.due_on,
             i.amount, w.currency, cast(? as timestamptz)
      from plan_watch w
      join plan_instalment i on i.plan_id = w.id and i.number = any(w.newly_missed)
      where w.applied
      union all
      select gen_random_uuid(), w.case_id, 'PLAN_BROKEN', w.id, null, null, null, null,
             cast(? as timestamptz)
      from plan_watch w where w.applied and w.breaks
      on conflict (plan_id, kind, coalesce(instalment, 0)) do nothing
      """;

  private static final String AUDIT =
      """
      insert into audit_entry (case_id, actor_id, actor_name, action, details, at)
      select case_id, ?, ?, action, details, cast(? as timestamptz)
      from (
          select w.id, 0 as step, i.number, w.case_id, 'plan.instalment-missed' as action,
                 w.described || jsonb_build_object(
                     'instalment', i.number::text,
                     'dueOn', i.due_on::text,
                     'amount', round(i.amount, w.digits)::text || ' ' || w.currency) as details
          from plan_watch w
          join plan_instalment i on i.plan_id = w.id and i.number = any(w.newly_missed)
          where w.applied
          union all
          select w.id, 1, 0, w.case_id, 'plan.active', w.described
          from plan_watch w where w.applied and w.became_active
          union all
          select w.id, 2, 0, w.case_id, 'plan.broken',
                 w.described || jsonb_build_object('reason', w.status_reason)
          from plan_watch w where w.applied and w.breaks
      ) entries
      order by id, step, number
      """;

  private static final String RESULT =
      """
      select coalesce(sum(cardinality(newly_missed)) filter (where applied), 0) as missed,
             count(*) filter (where applied and breaks) as broken
      from plan_watch
      """;

  private static final String CASES_CHANGED =
      """
      select distinct case_id from plan_watch
      where applied and (cardinality(newly_missed) > 0 or breaks)
      """;

  private final JdbcOperations jdbc;
  private final StandingChanges standing;

  /** Every currency's number of decimals, for amounts written as {@code Money} writes them. */
  private final String digits;

  JdbcPlanWatch(JdbcOperations jdbc, JsonMapper json, StandingChanges standing) {
    this.jdbc = jdbc;
    this.standing = standing;
    var decimals = new TreeMap<String, Integer>();
    Currency.getAvailableCurrencies().stream()
        .filter(c -> c.getDefaultFractionDigits() >= 0)
        .forEach(c -> decimals.put(c.getCurrencyCode(), c.getDefaultFractionDigits()));
    try {
      this.digits = json.writeValueAsString(decimals);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("could not write the currencies' decimals", e);
    }
  }

  @Override
  @Transactional
  public Run run(LocalDate today, int missedAllowed, Instant at) {
    if (missedAllowed < 0) {
      throw new IllegalArgumentException("missedAllowed is 0 or more");
    }
    var c = jdbc.getConnection();
    Sql.query(c, "select pg_advisory_xact_lock(?)", rows -> null, JOB_LOCK);
    Sql.update(c, COMPUTE, today, missedAllowed, digits);
    Sql.update(c, UPDATE_PLANS);
    Sql.update(c, MARK_MISSED);
    Sql.update(c, TASKS, at, at);
    Sql.update(c, AUDIT, ACTOR.value(), ACTOR_NAME, at);
    var counts =
        Sql.query(c, RESULT, rows -> new int[] {rows.getInt("missed"), rows.getInt("broken")})
            .getFirst();
    var cases =
        Sql.query(c, CASES_CHANGED, rows -> new CaseId(rows.getObject("case_id", UUID.class)));
    // a second run in the same transaction (a test, a catch-up over several days) makes it anew
    Sql.update(c, "drop table plan_watch");
    standing.changed(cases);
    return new Run(counts[0], counts[1], new HashSet<>(cases));
  }
}
