package org.clearpath.persistence.stage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.Map;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.stage.StageThresholds;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Benchmark, not a test: prints how long the daily stage job and the caseload query take on 100k
 * cases with 300k debts. Excluded from the normal build; run it with
 *
 * <pre>
 * ./mvnw -pl persistence -am test -Dtest=StageJobBenchmark -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StageJobBenchmark implements TestPropertyProvider {
  private static final int CASES = Integer.getInteger("bench.cases", 100_000);
  private static final int COUNSELORS = 50;
  private static final double PLAN_SHARE =
      Double.parseDouble(System.getProperty("bench.plan-share", "0.037"));
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Inject JdbcStageHistory history;
  @Inject JdbcCaseFiles caseFiles;
  @Inject org.clearpath.persistence.plan.JdbcPlans plans;
  @Inject org.clearpath.persistence.task.JdbcTasks tasks;
  @Inject org.clearpath.persistence.audit.JdbcAuditTrail auditTrail;
  @Inject org.clearpath.persistence.plan.JdbcPlanWatch planWatch;
  @Inject io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private static void print(String what, long startedNanos) {
    System.out.printf("BENCHMARK %-58s %8.1f ms%n", what, (System.nanoTime() - startedNanos) / 1e6);
  }

  @Test
  void daily_job_and_caseload_on_100k_cases_and_300k_debts() throws Exception {
    var started = System.nanoTime();
    try (var c =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        var s = c.createStatement()) {
      s.execute(
          "insert into lender (id, name, kind) select gen_random_uuid(), 'lender ' || i, 'ONLINE_PLATFORM' from generate_series(1, 200) i");
      s.execute(
          "insert into case_file (id, client_name, counselor_id, counselor_name, status, opened_at)"
              + " select gen_random_uuid(), 'client ' || i, 'counselor-' || (i % "
              + COUNSELORS
              + "),"
              + " 'counselor ' || (i % "
              + COUNSELORS
              + "), 'OPEN', now() - (i || ' minutes')::interval"
              + " from generate_series(1, "
              + CASES
              + ") i");
      s.execute(
          "insert into debt (id, case_id, lender_id, currency, principal, interest, penalty_interest, fees, status)"
              + " select gen_random_uuid(), c.id, (select id from lender order by random() limit 1), 'CNY',"
              + " 1000, 10, 5, 0, case when random() < 0.1 then 'SETTLED' else 'OPEN' end"
              + " from case_file c cross join generate_series(1, 3)");
      s.execute(
          "insert into debt_due (debt_id, due_date, amount)"
              + " select d.id, date '2026-11-23' - (random() * 120)::int + k * 30, 350.00"
              + " from debt d cross join generate_series(0, 2) k");
      s.execute(
          "insert into debt_repayment (debt_id, paid_on, amount)"
              + " select d.id, date '2026-11-01' - (random() * 60)::int, 200.00 from debt d where random() < 0.5");
      // some of the open debts (bench.plan-share, 3.7 %: about 10,000) are in a plan in force: one
      // plan per such debt, 12 monthly instalments of 100.00 from some day in the last four
      // months, half of them paid up to date
      s.execute(
          "insert into evidence_file (id, case_id, file_name, media_type, size_bytes, sha256, source,"
              + " uploaded_by, uploaded_by_name, uploaded_at)"
              + " select gen_random_uuid(), id, 'agreement.pdf', 'application/pdf', 1, repeat('0', 64),"
              + " 'STAFF', 'c', 'c', now() from case_file");
      s.execute(
          "create temporary table planned as select d.id as debt_id, d.case_id, gen_random_uuid() as plan_id,"
              + " date '2026-11-23' - (random() * 120)::int as first_due, random() < 0.5 as pays"
              + " from debt d where d.status = 'OPEN' and random() < "
              + PLAN_SHARE);
      s.execute(
          "insert into plan (id, case_id, kind, currency, agreed_total, terms, status, agreed_on,"
              + " agreement_file, created_by, created_by_name, created_at)"
              + " select p.plan_id, p.case_id, 'INTEREST_STOP', 'CNY', 1200, '', 'ACTIVE', p.first_due - 10,"
              + " (select e.id from evidence_file e where e.case_id = p.case_id limit 1), 'c', 'c', now()"
              + " from planned p");
      s.execute(
          "insert into plan_debt (plan_id, position, debt_id, label, outstanding, share)"
              + " select plan_id, 0, debt_id, 'lender', 1015, 1200 from planned");
      s.execute(
          "insert into plan_instalment (plan_id, number, due_on, amount)"
              + " select p.plan_id, k + 1, (p.first_due + (k || ' months')::interval)::date, 100"
              + " from planned p cross join generate_series(0, 11) k");
      s.execute(
          "insert into plan_payment (id, plan_id, paid_on, amount, recorded_by, recorded_by_name, recorded_at)"
              + " select gen_random_uuid(), p.plan_id, i.due_on, 100, 'c', 'c', now()"
              + " from planned p join plan_instalment i on i.plan_id = p.plan_id"
              + " where p.pays and i.due_on <= date '2026-11-23'");
      s.execute("analyze");
      try (var r =
          s.executeQuery(
              "select (select count(*) from plan), (select count(*) from plan_instalment), (select count(*) from plan_payment)")) {
        r.next();
        System.out.printf(
            "BENCHMARK data: %d plans in force, %d instalments, %d plan payments%n",
            r.getLong(1), r.getLong(2), r.getLong(3));
      }
      try (var r =
          s.executeQuery(
              "select (select count(*) from case_file), (select count(*) from debt), (select count(*) from debt_due), (select count(*) from debt_repayment)")) {
        r.next();
        System.out.printf(
            "BENCHMARK data: %d cases, %d debts, %d dues, %d repayments%n",
            r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
      }
    }
    print("generate data", started);

    var thresholds = StageThresholds.DEFAULT;
    if (Boolean.getBoolean("bench.explain")) {
      try (var c =
              DriverManager.getConnection(
                  database.jdbcUrl(), database.username(), database.password());
          var explain =
              c.prepareStatement(
                  "explain (analyze, buffers) " + JdbcStageHistory.COMPUTE_CHANGES)) {
        explain.setDate(1, java.sql.Date.valueOf(DAY));
        explain.setInt(2, 1);
        explain.setInt(3, 8);
        explain.setInt(4, 31);
        explain.setObject(5, null, java.sql.Types.OTHER);
        try (var rows = explain.executeQuery()) {
          while (rows.next()) {
            System.out.println("PLAN " + rows.getString(1));
          }
        }
      }
    }
    started = System.nanoTime();
    var changed = history.recordStagesOn(DAY, thresholds);
    print("daily job, first run (" + changed + " cases change)", started);

    started = System.nanoTime();
    changed = history.recordStagesOn(DAY, thresholds);
    print("daily job, same day again (" + changed + " changes)", started);

    started = System.nanoTime();
    changed = history.recordStagesOn(DAY.plusDays(1), thresholds);
    print("daily job, next day (" + changed + " cases change)", started);

    started = System.nanoTime();
    changed = history.recordStagesOn(DAY.plusDays(10), thresholds);
    print("daily job, ten days later (" + changed + " cases change)", started);

    if (Boolean.getBoolean("bench.stage-only")) {
      return;
    }
    // the daily plan watch: which plans have something to do, then the watch itself
    started = System.nanoTime();
    var toWatch = plans.toWatch(DAY.plusDays(11));
    print("plans to watch on a day (" + toWatch.size() + " of them)", started);
    if (Boolean.getBoolean("bench.plan-by-plan")) {
      // the watch as it was, plan by plan, in a transaction rolled back so the set-based one
      // below starts from the same backlog
      var planByPlan = new org.clearpath.persistence.plan.PlanByPlanWatch(auditTrail, plans, tasks);
      transactions.executeWrite(
          status -> {
            var began = System.nanoTime();
            var before = planByPlan.run(DAY.plusDays(11), 2, java.time.Instant.now());
            print(
                "plan watch, plan by plan ("
                    + before.missed()
                    + " missed, "
                    + before.broken()
                    + " broken, "
                    + before.casesChanged().size()
                    + " cases)",
                began);
            status.setRollbackOnly();
            return null;
          });
    }
    started = System.nanoTime();
    var run = planWatch.run(DAY.plusDays(11), 2, java.time.Instant.now());
    print(
        "plan watch, set based ("
            + run.missed()
            + " missed, "
            + run.broken()
            + " broken, "
            + run.casesChanged().size()
            + " cases)",
        started);
    started = System.nanoTime();
    var restaged = history.recordStagesOf(run.casesChanged(), DAY.plusDays(11), thresholds);
    print("stages of the cases it changed (" + restaged + " change)", started);
    started = System.nanoTime();
    run = planWatch.run(DAY.plusDays(11), 2, java.time.Instant.now());
    print("plan watch, same day again (" + run.missed() + " missed)", started);

    var someCases = caseFiles.assignedTo(new UserId("counselor-3")).subList(0, 50);
    started = System.nanoTime();
    for (var caseFile : someCases) {
      history.recordStageOn(caseFile.id(), DAY.plusDays(11), thresholds);
    }
    System.out.printf(
        "BENCHMARK %-58s %8.1f ms%n",
        "one case's stage after a debt change, mean of 50",
        (System.nanoTime() - started) / 1e6 / someCases.size());

    // one counselor's caseload (2,000 cases), warm
    caseFiles.assignedTo(new UserId("counselor-7"));
    started = System.nanoTime();
    int rows = 0;
    for (int i = 0; i < 20; i++) {
      rows = caseFiles.assignedTo(new UserId("counselor-" + i)).size();
    }
    System.out.printf(
        "BENCHMARK %-58s %8.1f ms%n",
        "counselor caseload query (" + rows + " cases), mean of 20",
        (System.nanoTime() - started) / 1e6 / 20);

    started = System.nanoTime();
    rows = caseFiles.all().size();
    print("supervisor: all cases (" + rows + ")", started);

    var rt = Runtime.getRuntime();
    System.out.printf(
        "BENCHMARK JVM heap in use after the run: %d MiB%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20);
  }
}
