package org.clearpath.persistence.plan;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.plan.Instalment;
import org.clearpath.domain.plan.Plan;
import org.clearpath.domain.plan.PlanDebt;
import org.clearpath.domain.plan.PlanKind;
import org.clearpath.domain.plan.PlanPayment;
import org.clearpath.domain.plan.PlanStatus;
import org.clearpath.domain.plan.Plans;
import org.clearpath.domain.plan.Waiver;
import org.clearpath.domain.plan.WaiverKind;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.StandingChanges;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.Sql;

/**
 * {@link Plans} in {@code plan} and its child tables. Debts, waivers and payments are append-only
 * by trigger; an update moves the status, marks missed instalments and adds new payments, guarded
 * by the plan's version.
 */
@Singleton
public class JdbcPlans implements Plans {
  private final JdbcOperations jdbc;
  private final StandingChanges standing;

  JdbcPlans(JdbcOperations jdbc, StandingChanges standing) {
    this.jdbc = jdbc;
    this.standing = standing;
  }

  @Override
  @Transactional
  public void add(Plan plan) {
    var c = jdbc.getConnection();
    Sql.update(
        c,
        "insert into plan (id, case_id, kind, currency, agreed_total, terms, status, agreed_on,"
            + " agreement_file, status_reason, status_on, created_by, created_by_name, created_at,"
            + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        plan.id(),
        plan.caseId().value(),
        plan.kind().name(),
        plan.agreedTotal().currency().getCurrencyCode(),
        plan.agreedTotal().amount(),
        plan.terms(),
        plan.status().name(),
        plan.agreedOn(),
        plan.agreementFile(),
        plan.statusReason(),
        plan.statusOn(),
        plan.createdBy().value(),
        plan.createdByName(),
        plan.createdAt(),
        plan.version());
    for (int i = 0; i < plan.debts().size(); i++) {
      var d = plan.debts().get(i);
      Sql.update(
          c,
          "insert into plan_debt (plan_id, position, debt_id, label, outstanding, share)"
              + " values (?, ?, ?, ?, ?, ?)",
          plan.id(),
          i,
          d.debt().value(),
          d.label(),
          d.outstanding().amount(),
          d.share().amount());
    }
    for (int i = 0; i < plan.waivers().size(); i++) {
      var w = plan.waivers().get(i);
      Sql.update(
          c,
          "insert into plan_waiver (plan_id, position, kind, amount) values (?, ?, ?, ?)",
          plan.id(),
          i,
          w.kind().name(),
          w.amount().amount());
    }
    for (var i : plan.schedule()) {
      Sql.update(
          c,
          "insert into plan_instalment (plan_id, number, due_on, amount, missed_on)"
              + " values (?, ?, ?, ?, ?)",
          plan.id(),
          i.number(),
          i.dueOn(),
          i.amount().amount(),
          i.missedOn());
    }
    insertPayments(c, plan);
    standing.changed(plan.caseId());
  }

  private static void insertPayments(Connection c, Plan plan) {
    var stored =
        new HashSet<>(
            Sql.query(
                c,
                "select id from plan_payment where plan_id = ?",
                rows -> rows.getObject("id", UUID.class),
                plan.id()));
    for (var p : plan.payments()) {
      if (!stored.contains(p.id())) {
        Sql.update(
            c,
            "insert into plan_payment (id, plan_id, paid_on, amount, note, recorded_by,"
                + " recorded_by_name, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
            p.id(),
            plan.id(),
            p.paidOn(),
            p.amount().amount(),
            p.note(),
            p.recordedBy().value(),
            p.recordedByName(),
            p.recordedAt());
      }
    }
  }

  @Override
  @Transactional
  public void update(Plan plan) {
    var c = jdbc.getConnection();
    var changed =
        Sql.update(
            c,
            "update plan set status = ?, agreed_on = ?, agreement_file = ?, status_reason = ?,"
                + " status_on = ?, version = version + 1 where id = ? and version = ?",
            plan.status().name(),
            plan.agreedOn(),
            plan.agreementFile(),
            plan.statusReason(),
            plan.statusOn(),
            plan.id(),
            plan.version());
    if (changed == 0) {
      throw new StaleVersion("the plan");
    }
    for (var i : plan.schedule()) {
      Sql.update(
          c,
          "update plan_instalment set missed_on = ? where plan_id = ? and number = ?"
              + " and missed_on is distinct from ?",
          i.missedOn(),
          plan.id(),
          i.number(),
          i.missedOn());
    }
    insertPayments(c, plan);
    standing.changed(plan.caseId());
  }

  @Override
  @ReadOnly
  public Optional<Plan> find(UUID id) {
    return withChildren(heads("p.id = ?", id)).stream().findFirst();
  }

  private static final String HEAD_COLUMNS =
      "p.id, p.case_id, p.kind, p.currency, p.agreed_total, p.terms, p.status, p.agreed_on,"
          + " p.agreement_file, p.status_reason, p.status_on, p.created_by, p.created_by_name,"
          + " p.created_at, p.version";

  /** The plans matching {@code where} (over {@code plan p}) without their children, in order. */
  private List<Plan> heads(String whereAndOrder, Object... parameters) {
    return Sql.query(
        jdbc.getConnection(),
        "select " + HEAD_COLUMNS + " from plan p where " + whereAndOrder,
        rows -> {
          var currency = Currency.getInstance(rows.getString("currency").strip());
          return new Plan(
              rows.getObject("id", UUID.class),
              new CaseId(rows.getObject("case_id", UUID.class)),
              PlanKind.valueOf(rows.getString("kind")),
              List.of(),
              List.of(),
              new Money(rows.getBigDecimal("agreed_total"), currency),
              rows.getString("terms"),
              List.of(),
              PlanStatus.valueOf(rows.getString("status")),
              Sql.date(rows, "agreed_on"),
              rows.getObject("agreement_file", UUID.class),
              rows.getString("status_reason"),
              Sql.date(rows, "status_on"),
              List.of(),
              new UserId(rows.getString("created_by")),
              rows.getString("created_by_name"),
              rows.getTimestamp("created_at").toInstant(),
              rows.getLong("version"));
        },
        parameters);
  }

  private record Child<T>(UUID planId, T value) {}

  /** The heads with their debts, waivers, schedules and payments: four queries for any number. */
  private List<Plan> withChildren(List<Plan> heads) {
    if (heads.isEmpty()) {
      return List.of();
    }
    var c = jdbc.getConnection();
    var ids = heads.stream().map(Plan::id).toArray(UUID[]::new);
    var currencies = new HashMap<UUID, Currency>();
    heads.forEach(h -> currencies.put(h.id(), h.agreedTotal().currency()));
    var debts =
        byPlan(
            Sql.query(
                c,
                "select plan_id, debt_id, label, outstanding, share from plan_debt"
                    + " where plan_id = any(?) order by plan_id, position",
                rows -> {
                  var plan = rows.getObject("plan_id", UUID.class);
                  var currency = currencies.get(plan);
                  return new Child<>(
                      plan,
                      new PlanDebt(
                          new DebtId(rows.getObject("debt_id", UUID.class)),
                          rows.getString("label"),
                          new Money(rows.getBigDecimal("outstanding"), currency),
                          new Money(rows.getBigDecimal("share"), currency)));
                },
                (Object) ids));
    var waivers =
        byPlan(
            Sql.query(
                c,
                "select plan_id, kind, amount from plan_waiver where plan_id = any(?)"
                    + " order by plan_id, position",
                rows -> {
                  var plan = rows.getObject("plan_id", UUID.class);
                  return new Child<>(
                      plan,
                      new Waiver(
                          WaiverKind.valueOf(rows.getString("kind")),
                          new Money(rows.getBigDecimal("amount"), currencies.get(plan))));
                },
                (Object) ids));
    var schedules =
        byPlan(
            Sql.query(
                c,
                "select plan_id, number, due_on, amount, missed_on from plan_instalment"
                    + " where plan_id = any(?) order by plan_id, number",
                rows -> {
                  var plan = rows.getObject("plan_id", UUID.class);
                  return new Child<>(
                      plan,
                      new Instalment(
                          rows.getInt("number"),
                          Sql.date(rows, "due_on"),
                          new Money(rows.getBigDecimal("amount"), currencies.get(plan)),
                          Sql.date(rows, "missed_on")));
                },
                (Object) ids));
    var payments =
        byPlan(
            Sql.query(
                c,
                "select plan_id, id, paid_on, amount, note, recorded_by, recorded_by_name,"
                    + " recorded_at from plan_payment where plan_id = any(?)"
                    + " order by plan_id, paid_on, recorded_at",
                rows -> {
                  var plan = rows.getObject("plan_id", UUID.class);
                  return new Child<>(
                      plan,
                      new PlanPayment(
                          rows.getObject("id", UUID.class),
                          Sql.date(rows, "paid_on"),
                          new Money(rows.getBigDecimal("amount"), currencies.get(plan)),
                          rows.getString("note"),
                          new UserId(rows.getString("recorded_by")),
                          rows.getString("recorded_by_name"),
                          rows.getTimestamp("recorded_at").toInstant()));
                },
                (Object) ids));
    return heads.stream()
        .map(
            head ->
                new Plan(
                    head.id(),
                    head.caseId(),
                    head.kind(),
                    debts.getOrDefault(head.id(), List.of()),
                    waivers.getOrDefault(head.id(), List.of()),
                    head.agreedTotal(),
                    head.terms(),
                    schedules.getOrDefault(head.id(), List.of()),
                    head.status(),
                    head.agreedOn(),
                    head.agreementFile(),
                    head.statusReason(),
                    head.statusOn(),
                    payments.getOrDefault(head.id(), List.of()),
                    head.createdBy(),
                    head.createdByName(),
                    head.createdAt(),
                    head.version()))
        .toList();
  }

  private static <T> Map<UUID, List<T>> byPlan(List<Child<T>> children) {
    var grouped = new HashMap<UUID, List<T>>();
    for (var child : children) {
      grouped.computeIfAbsent(child.planId(), k -> new ArrayList<>()).add(child.value());
    }
    return grouped;
  }

  @Override
  @ReadOnly
  public List<Plan> ofCase(CaseId caseId) {
    return withChildren(heads("p.case_id = ? order by p.created_at desc", caseId.value()));
  }

  @Override
  @ReadOnly
  public List<UUID> toWatch(LocalDate day) {
    // payments fill the oldest instalments first, so an instalment is unpaid when the payments
    // made by the day fall short of the running total up to it
    return ids(
        """
        with paid as (
            select p.id as plan_id,
                   coalesce((select sum(pp.amount) from plan_payment pp
                             where pp.plan_id = p.id and pp.paid_on <= ?), 0) as total
            from plan p where p.status in ('AGREED', 'ACTIVE')
        ),
        running as (
            select i.plan_id, i.due_on, i.missed_on,
                   sum(i.amount) over (partition by i.plan_id order by i.due_on, i.number) as total
            from plan_instalment i join paid on paid.plan_id = i.plan_id
        )
        select r.plan_id as id from running r join paid on paid.plan_id = r.plan_id
        where r.due_on < ? and r.missed_on is null and r.total > paid.total
        union
        select p.id from plan p
        where p.status = 'AGREED'
          and exists (select 1 from plan_instalment i where i.plan_id = p.id and i.due_on <= ?)
        order by id
        """,
        day,
        day,
        day);
  }

  @Override
  @ReadOnly
  public List<Plan> atRisk(LocalDate brokenSince, org.clearpath.domain.shared.Reach reach) {
    // the reach first, so that its parameters come first (Reaches.with)
    var within =
        reach instanceof org.clearpath.domain.shared.Reach.Everyone
            ? ""
            : "exists (select 1 from case_file c where c.id = p.case_id"
                + org.clearpath.persistence.Reaches.condition(reach, "c.counselor_id")
                + ") and ";
    return withChildren(
        heads(
            within
                + """
                ((p.status in ('AGREED', 'ACTIVE')
                  and exists (select 1 from plan_instalment i
                              where i.plan_id = p.id and i.missed_on is not null))
                 or (p.status = 'BROKEN' and p.status_on >= ?))
                order by p.status_on, p.created_at
                """,
            org.clearpath.persistence.Reaches.with(reach, brokenSince)));
  }

  private List<UUID> ids(String sql, Object... parameters) {
    return Sql.query(
        jdbc.getConnection(), sql, rows -> rows.getObject("id", UUID.class), parameters);
  }
}
