package org.clearpath.persistence.day;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Benchmark, not a test: each section of "My day" on 100k cases (50 counselors, a contact on every
 * third case in the last 60 days, a follow-up on every tenth of those), for a supervisor (every
 * case) and one counselor. Run it with
 *
 * <pre>
 * ./mvnw -pl persistence -am test -Dtest=DayQueueBenchmark -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DayQueueBenchmark implements TestPropertyProvider {
  private static final int CASES = Integer.getInteger("bench.cases", 100_000);
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Inject JdbcDayQueue queue;

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private static void measure(String what, Supplier<?> run) {
    run.get();
    var started = System.nanoTime();
    Object result = null;
    for (int i = 0; i < 5; i++) {
      result = run.get();
    }
    var size =
        result instanceof java.util.Collection<?> c
            ? c.size()
            : result instanceof Map<?, ?> m ? m.size() : -1;
    System.out.printf(
        "BENCHMARK %-62s %8.1f ms%n",
        what + (size >= 0 ? " (" + size + ")" : ""), (System.nanoTime() - started) / 1e6 / 5);
  }

  @Test
  void my_day_on_100k_cases() throws Exception {
    database.execute(
        "insert into case_file (id, client_name, counselor_id, counselor_name, status, stage,"
            + " opened_at) select gen_random_uuid(), '客户' || i, 'counselor-' || (i % 50),"
            + " 'counselor ' || (i % 50), 'OPEN', (array['CURRENT','EARLY','MID','LATE','LEGAL'])[1"
            + " + i % 5], now() - ((i % 400) || ' days')::interval from generate_series(1, "
            + CASES
            + ") i");
    database.execute(
        "insert into contact_entry (id, case_id, occurred_at, client_zone, direction, channel,"
            + " contacted, summary, follow_up, recorded_by, recorded_by_name, recorded_at)"
            + " select gen_random_uuid(), id, now() - ((abs(hashtext(id::text)) % 60) || '"
            + " days')::interval, 'Asia/Shanghai', 'INBOUND', 'PHONE', 'CLIENT', '电话', case when"
            + " abs(hashtext(id::text)) % 30 = 0 then current_date - (abs(hashtext(id::text)) % 5)"
            + " end, 'counselor-1', 'c', now() - ((abs(hashtext(id::text)) % 60) || '"
            + " days')::interval from case_file where abs(hashtext(id::text)) % 3 = 0");
    // what the rules found, kept beside the case (V33): a finding on every tenth case contacted
    database.execute(
        "insert into case_finding (case_id, finding_key, rule, kind, found_from, found_to,"
            + " why_code, why_params) select case_id, 'cn.quiet-hours/' || max(occurred_at)::date"
            + " || '/' || case_id, 'cn.quiet-hours', 'UNREASONABLE_HOURS', max(occurred_at)::date,"
            + " max(occurred_at)::date, 'finding.quiet-hours', '{}'::jsonb from contact_entry"
            + " where abs(hashtext(case_id::text)) % 10 = 0 group by case_id");
    database.execute("analyze");
    var today = LocalDate.now();
    for (var who :
        new org.clearpath.domain.shared.Reach[] {
          org.clearpath.domain.shared.Reach.everyone(),
          org.clearpath.domain.shared.Reach.caseload(new UserId("counselor-7"))
        }) {
      var label =
          who instanceof org.clearpath.domain.shared.Reach.Everyone
              ? "supervisor: "
              : "counselor:  ";
      measure(label + "follow-ups due", () -> queue.followUps(who, today, 20).items());
      measure(label + "open tasks", () -> queue.tasks(who, 20).items());
      measure(label + "client incidents", () -> queue.incidents(who, 20).items());
      measure(
          label + "instalments this week",
          () -> queue.instalments(who, today, today.plusDays(7), 20).items());
      measure(label + "quiet 14 days", () -> queue.quiet(who, today, 14, 20).items());
      measure(
          label + "findings of cases contacted in 14 days",
          () -> queue.findings(who, Instant.now().minusSeconds(14 * 86_400L), 20).items());
    }
    measure(
        "supervisor: complaints to review",
        () -> queue.complaintsToReview(org.clearpath.domain.shared.Reach.everyone(), 20).items());
  }
}
