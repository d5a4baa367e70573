package org.clearpath.persistence.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.clearpath.domain.plan.WatchingPlans;
import org.clearpath.persistence.Sql;
import org.clearpath.persistence.audit.JdbcAuditTrail;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.task.JdbcTasks;
import org.clearpath.persistence.testing.TestCases;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The set-based plan watch does what the watch did plan by plan: on random plans (agreed, active
 * and others; schedules with shared due dates; partial, late, early and no payments; some
 * instalments marked missed already; CNY and JPY), over several days in a row and with several
 * allowances for misses, both leave the same plans, missed marks, tasks and audit entries, and
 * report the same counts and cases. Each runs in a transaction that is rolled back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanWatchTest implements TestPropertyProvider {
  private static final Instant AT = Instant.parse("2026-11-20T14:30:00Z");
  private static final LocalDate BASE = LocalDate.of(2026, 11, 20);
  private static final long SEED = Long.getLong("planwatch.seed", System.nanoTime());
  private static final List<String> LABELS =
      List.of("招联金融", "微粒贷", "借呗", "美团月付", "京东金条", "中国银行信用卡");

  @Inject JdbcCaseFiles caseFiles;
  @Inject JdbcPlans plans;
  @Inject JdbcTasks tasks;
  @Inject JdbcAuditTrail auditTrail;
  @Inject JdbcPlanWatch setBased;
  @Inject JdbcOperations jdbc;
  @Inject TransactionOperations<Connection> transactions;
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  @BeforeAll
  void randomPlans() throws SQLException {
    var random = new Random(SEED);
    try (var c =
        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
      for (int n = 0; n < 120; n++) {
        var caseId = TestCases.open(caseFiles, "counselor-" + (n % 3), AT).value();
        var debts = new ArrayList<UUID>();
        for (int d = 0; d < 1 + random.nextInt(2); d++) {
          var lender = UUID.randomUUID();
          var debt = UUID.randomUUID();
          Sql.update(
              c,
              "insert into lender (id, name, kind) values (?, ?, 'ONLINE_PLATFORM')",
              lender,
              lender.toString());
          Sql.update(
              c,
              "insert into debt (id, case_id, lender_id, currency, principal, interest,"
                  + " penalty_interest, fees) values (?, ?, ?, 'CNY', 3000, 0, 0, 0)",
              debt,
              caseId,
              lender);
          debts.add(debt);
        }
        var file = UUID.randomUUID();
        Sql.update(
            c,
            "insert into evidence_file (id, case_id, file_name, media_type, size_bytes, sha256,"
                + " source, uploaded_by, uploaded_by_name, uploaded_at) values (?, ?, 'a.pdf',"
                + " 'application/pdf', 1, repeat('0', 64), 'STAFF', 'c', 'c', ?)",
            file,
            caseId,
            AT);
        for (int p = 0; p < 1 + random.nextInt(3); p++) {
          aPlan(c, random, caseId, debts, file);
        }
      }
    }
  }

  private static void aPlan(Connection c, Random random, UUID caseId, List<UUID> debts, UUID file)
      throws SQLException {
    var plan = UUID.randomUUID();
    var yen = random.nextInt(10) == 0;
    var status =
        switch (random.nextInt(10)) {
          case 0, 1, 2 -> "AGREED";
          case 3 -> "BROKEN";
          case 4 -> "COMPLETED";
          default -> "ACTIVE";
        };
    var firstDue = BASE.minusDays(random.nextInt(150)).plusDays(random.nextInt(40));
    var count = 1 + random.nextInt(8);
    var dues = new ArrayList<LocalDate>();
    var amounts = new ArrayList<BigDecimal>();
    var due = firstDue;
    var total = BigDecimal.ZERO;
    for (int i = 0; i < count; i++) {
      dues.add(due);
      var amount =
          yen
              ? BigDecimal.valueOf(1000 + random.nextInt(20_000))
              : BigDecimal.valueOf(5_000 + random.nextInt(50_000), 2);
      amounts.add(amount);
      total = total.add(amount);
      // sometimes two instalments share a due date
      due = due.plusDays(random.nextInt(6) == 0 ? 0 : 7 + random.nextInt(25));
    }
    Sql.update(
        c,
        "insert into plan (id, case_id, kind, currency, agreed_total, terms, status, agreed_on,"
            + " agreement_file, status_reason, status_on, created_by, created_by_name,"
            + " created_at, version) values (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, 'c', 'c', ?, ?)",
        plan,
        caseId,
        random.nextBoolean() ? "INSTALMENTS" : "INTEREST_STOP",
        yen ? "JPY" : "CNY",
        total,
        status,
        firstDue.minusDays(10),
        file,
        random.nextBoolean() ? "已和出借方谈妥" : null,
        firstDue.minusDays(10),
        AT,
        (long) random.nextInt(4));
    for (int i = 0; i < Math.min(debts.size(), 1 + random.nextInt(2)); i++) {
      Sql.update(
          c,
          "insert into plan_debt (plan_id, position, debt_id, label, outstanding, share)"
              + " values (?, ?, ?, ?, 3000, 1500)",
          plan,
          i,
          debts.get(i),
          LABELS.get(random.nextInt(LABELS.size())) + " " + (i + 1));
    }
    for (int i = 0; i < count; i++) {
      var marked = dues.get(i).isBefore(BASE) && random.nextInt(3) == 0;
      Sql.update(
          c,
          "insert into plan_instalment (plan_id, number, due_on, amount, missed_on)"
              + " values (?, ?, ?, ?, ?)",
          plan,
          i + 1,
          dues.get(i),
          amounts.get(i),
          marked ? dues.get(i).plusDays(1) : null);
    }
    // payments: none, or some of the schedule's amounts, whole or in part, early or late
    var left = total;
    for (int k = 0; k < random.nextInt(6) && left.signum() > 0; k++) {
      var i = random.nextInt(count);
      var amount = amounts.get(i);
      if (random.nextBoolean()) {
        amount =
            yen
                ? amount.divide(BigDecimal.TWO).setScale(0, java.math.RoundingMode.DOWN)
                : amount.divide(BigDecimal.TWO).setScale(2, java.math.RoundingMode.DOWN);
      }
      amount = amount.min(left);
      if (amount.signum() <= 0) {
        break;
      }
      left = left.subtract(amount);
      Sql.update(
          c,
          "insert into plan_payment (id, plan_id, paid_on, amount, recorded_by, recorded_by_name,"
              + " recorded_at) values (?, ?, ?, ?, 'c', 'c', ?)",
          UUID.randomUUID(),
          plan,
          dues.get(i).plusDays(random.nextInt(21) - 10),
          amount,
          AT.plusSeconds(k));
    }
  }

  @Test
  void the_set_based_watch_leaves_what_the_plan_by_plan_watch_leaves_day_after_day() {
    var days = List.of(BASE, BASE, BASE.plusDays(1), BASE.plusDays(9), BASE.plusDays(40));
    for (var allowed : List.of(2, 0, 3)) {
      var planByPlan =
          inRolledBackTransaction(new PlanByPlanWatch(auditTrail, plans, tasks), days, allowed);
      var sql = inRolledBackTransaction(setBased, days, allowed);

      assertThat(sql)
          .as("seed %d (-Dplanwatch.seed=%d), %d misses allowed", SEED, SEED, allowed)
          .containsExactlyElementsOf(planByPlan);
      assertThat(planByPlan.stream().filter(s -> s.contains("plan.broken")))
          .as("some plan breaks")
          .isNotEmpty();
      assertThat(planByPlan.stream().filter(s -> s.contains("plan.active")))
          .as("some plan becomes active")
          .isNotEmpty();
      assertThat(planByPlan.getFirst())
          .as("the first run marks misses")
          .contains("INSTALMENT_MISSED");
    }
  }

  /** After each day: the run's figures and everything the watch may have written, in order. */
  private List<String> inRolledBackTransaction(
      WatchingPlans watch, List<LocalDate> days, int allowed) {
    return transactions.executeWrite(
        status -> {
          var states = new ArrayList<String>();
          for (var day : days) {
            var run = watch.run(day, allowed, AT);
            states.add(
                day
                    + ": "
                    + run.missed()
                    + " missed, "
                    + run.broken()
                    + " broken, cases "
                    + new TreeSet<>(run.casesChanged().stream().map(Object::toString).toList())
                    + "\n"
                    + state());
          }
          status.setRollbackOnly();
          return states;
        });
  }

  private String state() {
    var c = jdbc.getConnection();
    return String.join(
        "\n",
        rows(c, "select id, status, status_reason, status_on, version from plan order by id"),
        rows(c, "select plan_id, number, missed_on from plan_instalment order by plan_id, number"),
        rows(
            c,
            "select case_id, kind, plan_id, instalment, due_on, amount, currency, created_at"
                + " from task order by plan_id, kind, instalment"),
        rows(
            c,
            "select case_id, actor_id, actor_name, action, details::text, at from audit_entry"
                + " order by id"));
  }

  private static String rows(Connection c, String sql) {
    try (var statement = c.prepareStatement(sql);
        var rows = statement.executeQuery()) {
      var out = new StringBuilder();
      var columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          out.append(rows.getString(i)).append(i < columns ? " | " : "\n");
        }
      }
      return out.toString();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
