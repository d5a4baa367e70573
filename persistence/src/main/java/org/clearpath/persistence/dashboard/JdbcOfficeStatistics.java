package org.clearpath.persistence.dashboard;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import org.clearpath.domain.dashboard.OfficeFigures.EntriesInWeek;
import org.clearpath.domain.dashboard.OfficeFigures.FlagsAgainst;
import org.clearpath.domain.dashboard.OfficeFigures.PlanOutcomes;
import org.clearpath.domain.dashboard.OfficeFigures.StageOnDay;
import org.clearpath.domain.dashboard.OfficeStatistics;
import org.clearpath.domain.shared.Stage;
import org.clearpath.persistence.Sql;

/** {@link OfficeStatistics} as SQL aggregates: a few hundred rows, whatever the office's size. */
@Singleton
public class JdbcOfficeStatistics implements OfficeStatistics {
  private final JdbcOperations jdbc;

  JdbcOfficeStatistics(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A stage period counts on each day from its start until the day before its end. The count on the
   * first day comes from the periods open then; each later day adds the periods starting and takes
   * away those ending, a running sum per stage.
   */
  @Override
  @Connectable
  public List<StageOnDay> stagesByDay(LocalDate from, LocalDate to) {
    return Sql.query(
        jdbc.getConnection(),
        """
        with bounds as (select cast(? as date) as first_day, cast(? as date) as last_day),
        changes as (
            select sp.stage, greatest(sp.started_on, b.first_day) as day, 1 as delta
            from stage_period sp, bounds b
            where sp.started_on <= b.last_day
              and (sp.ended_on is null or sp.ended_on > b.first_day)
            union all
            select sp.stage, sp.ended_on, -1
            from stage_period sp, bounds b
            where sp.ended_on > b.first_day and sp.ended_on <= b.last_day
              and sp.started_on <= b.last_day
        ),
        per_day as (select stage, day, sum(delta) as delta from changes group by stage, day),
        grid as (
            select d::date as day, s.stage
            from bounds b,
                 generate_series(b.first_day, b.last_day, interval '1 day') d,
                 unnest(array['CURRENT', 'EARLY', 'MID', 'LATE', 'LEGAL', 'RESOLVED']) s(stage)
        )
        select g.day, g.stage,
               sum(coalesce(p.delta, 0)) over (partition by g.stage order by g.day) as cases
        from grid g left join per_day p on p.stage = g.stage and p.day = g.day
        order by g.day, g.stage
        """,
        rows ->
            new StageOnDay(
                Sql.date(rows, "day"),
                Stage.valueOf(rows.getString("stage")),
                rows.getInt("cases")),
        from,
        to);
  }

  @Override
  @Connectable
  public List<EntriesInWeek> entriesByWeek(LocalDate from, LocalDate to) {
    return Sql.query(
        jdbc.getConnection(),
        """
        select date_trunc('week', started_on)::date as week, stage, count(*) as cases
        from stage_period
        where stage in ('LATE', 'LEGAL') and started_on between ? and ?
        group by 1, 2 order by 1, 2
        """,
        rows ->
            new EntriesInWeek(
                Sql.date(rows, "week"),
                Stage.valueOf(rows.getString("stage")),
                rows.getInt("cases")),
        from,
        to);
  }

  @Override
  @Connectable
  public List<FlagsAgainst> flagsByLender(LocalDate from, int limit) {
    return Sql.query(
        jdbc.getConnection(),
        """
        select l.name as lender, e.agency, count(distinct f.id) as flags
        from harassment_flag f
        join flag_contact fc on fc.flag_id = f.id
        join contact_entry e on e.id = fc.contact_id
        left join lender l on l.id = e.lender_id
        where f.status = 'OPEN' and f.raised_at >= ?
        group by l.name, e.agency
        order by flags desc, lender nulls last, agency nulls last
        limit ?
        """,
        rows ->
            new FlagsAgainst(rows.getString("lender"), rows.getString("agency"), rows.getInt(3)),
        from,
        limit);
  }

  @Override
  @Connectable
  public PlanOutcomes planOutcomes() {
    return Sql.query(
            jdbc.getConnection(),
            """
            select count(*) filter (where p.status = 'COMPLETED') as kept,
                   count(*) filter (where p.status in ('AGREED', 'ACTIVE') and not exists
                       (select 1 from plan_instalment i
                        where i.plan_id = p.id and i.missed_on is not null)) as on_track,
                   count(*) filter (where p.status in ('AGREED', 'ACTIVE') and exists
                       (select 1 from plan_instalment i
                        where i.plan_id = p.id and i.missed_on is not null)) as missed,
                   count(*) filter (where p.status = 'BROKEN') as broken
            from plan p
            """,
            rows ->
                new PlanOutcomes(
                    rows.getInt("kept"),
                    rows.getInt("on_track"),
                    rows.getInt("missed"),
                    rows.getInt("broken")))
        .getFirst();
  }
}
