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
  private static final int CASES = 100_000;
  private static final int COUNSELORS = 50;
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Inject JdbcStageHistory history;
  @Inject JdbcCaseFiles caseFiles;

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
      s.execute("analyze");
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
