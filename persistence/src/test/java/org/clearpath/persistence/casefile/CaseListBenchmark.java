package org.clearpath.persistence.casefile;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.clearpath.domain.casefile.CaseQuery;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Benchmark, not a test: the caseload on 100k cases (50 counselors, a contact on every third case,
 * a stage period on each), as the whole list (before paging) and as one page of 50 for each sort
 * and filter. Run it with
 *
 * <pre>
 * ./mvnw -pl persistence -am test -Dtest=CaseListBenchmark -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListBenchmark implements TestPropertyProvider {
  private static final int CASES = Integer.getInteger("bench.cases", 100_000);
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Inject JdbcCaseFiles caseFiles;

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private void measure(String what, CaseQuery query) {
    var found = caseFiles.page(query);
    var started = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      found = caseFiles.page(query);
    }
    System.out.printf(
        "BENCHMARK %-62s %8.1f ms%n",
        what + " (" + found.cases().size() + " of " + found.total() + ")",
        (System.nanoTime() - started) / 1e6 / 10);
  }

  @Test
  void one_page_of_100k_cases() throws Exception {
    var started = System.nanoTime();
    database.execute(
        "insert into case_file (id, client_name, counselor_id, counselor_name, status, stage,"
            + " opened_at) select gen_random_uuid(), 'client ' || i, 'counselor-' || (i % 50),"
            + " 'counselor ' || (i % 50), 'OPEN', (array['CURRENT','EARLY','MID','LATE','LEGAL'])[1"
            + " + i % 5], now() - (i || ' minutes')::interval from generate_series(1, "
            + CASES
            + ") i");
    database.execute(
        "insert into stage_period (case_id, stage, started_on, reason) select id, stage,"
            + " current_date - (abs(hashtext(id::text)) % 200), 'benchmark' from case_file");
    database.execute(
        "insert into contact_entry (id, case_id, occurred_at, client_zone, direction, channel,"
            + " contacted, summary, recorded_by, recorded_by_name, recorded_at)"
            + " select gen_random_uuid(), id, now() - ((abs(hashtext(id::text)) % 60) || ' days')::interval,"
            + " 'Asia/Shanghai', 'INBOUND', 'PHONE', 'CLIENT', 'benchmark', 'counselor-1', 'c',"
            + " now() from case_file where abs(hashtext(id::text)) % 3 = 0");
    database.execute("analyze");
    System.out.printf(
        "BENCHMARK %-62s %8.1f ms%n",
        "data: " + CASES + " cases, stage periods, contacts", (System.nanoTime() - started) / 1e6);

    // before: the list the UI fetched whole
    caseFiles.all();
    started = System.nanoTime();
    var rows = caseFiles.all().size();
    System.out.printf(
        "BENCHMARK %-62s %8.1f ms%n",
        "before: supervisor's whole list (" + rows + " cases)",
        (System.nanoTime() - started) / 1e6);
    started = System.nanoTime();
    rows = caseFiles.assignedTo(new UserId("counselor-7")).size();
    System.out.printf(
        "BENCHMARK %-62s %8.1f ms%n",
        "before: one counselor's whole caseload (" + rows + " cases)",
        (System.nanoTime() - started) / 1e6);

    var base = CaseQuery.firstPage(50);
    measure("page: supervisor, newest first", base);
    measure("page: supervisor, by client name", base.sortedBy(CaseQuery.Sort.CLIENT, false));
    measure("page: supervisor, worst stage first", base.sortedBy(CaseQuery.Sort.STAGE, true));
    measure(
        "page: supervisor, longest in stage first",
        base.sortedBy(CaseQuery.Sort.DAYS_IN_STAGE, true));
    measure(
        "page: supervisor, longest without contact first",
        base.sortedBy(CaseQuery.Sort.LAST_CONTACT, false));
    measure("page: supervisor, page 1,000 of newest first", base.page(1_000, 50));
    measure(
        "page: supervisor, search 'client 4711'",
        new CaseQuery(
            Optional.of("client 4711"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            CaseQuery.Sort.OPENED,
            true,
            0,
            50,
            org.clearpath.domain.shared.Reach.everyone()));
    measure(
        "page: supervisor, stage LATE, no contact in 14 days",
        new CaseQuery(
            Optional.empty(),
            Optional.of(Stage.LATE),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Instant.now().minusSeconds(14 * 86_400L)),
            Optional.empty(),
            CaseQuery.Sort.LAST_CONTACT,
            false,
            0,
            50,
            org.clearpath.domain.shared.Reach.everyone()));
    measure(
        "page: entered LATE in the last 7 days",
        base.entering(
            new CaseQuery.Entered(
                Stage.LATE, java.time.LocalDate.now().minusDays(6), java.time.LocalDate.now())));
    measure("page: one counselor, newest first", base.ofCounselor(new UserId("counselor-7")));
    started = System.nanoTime();
    var counts = caseFiles.countsByCounselorAndStage().size();
    System.out.printf(
        "BENCHMARK %-62s %8.1f ms%n",
        "counts per counselor and stage (" + counts + " rows)",
        (System.nanoTime() - started) / 1e6);
  }
}
