package org.clearpath.persistence.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.clearpath.domain.dashboard.OfficeFigures.StageOnDay;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Stage;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.testing.TestCases;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeStatisticsTest implements TestPropertyProvider {
  private static final LocalDate D = LocalDate.of(2026, 11, 1);
  @Inject JdbcCaseFiles caseFiles;
  @Inject JdbcOfficeStatistics statistics;
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private void period(CaseId caseId, String stage, LocalDate from, LocalDate until)
      throws Exception {
    database.execute(
        "insert into stage_period (case_id, stage, started_on, ended_on, reason) values"
            + " ('%s', '%s', date '%s', %s, 'test')"
                .formatted(
                    caseId.value(), stage, from, until == null ? "null" : "date '" + until + "'"));
  }

  @Test
  void cases_per_stage_on_each_day_follow_the_periods_and_entries_are_counted_by_week()
      throws Exception {
    var a = TestCases.open(caseFiles, "c1", Instant.parse("2026-10-01T00:00:00Z"));
    var b = TestCases.open(caseFiles, "c1", Instant.parse("2026-10-01T00:00:00Z"));
    // a: current until D+2, late from D+2 (to today); b: early before the window, mid from D+1
    period(a, "CURRENT", D.minusDays(30), D.plusDays(2));
    period(a, "LATE", D.plusDays(2), null);
    period(b, "EARLY", D.minusDays(10), D.plusDays(1));
    period(b, "MID", D.plusDays(1), null);

    var days = statistics.stagesByDay(D, D.plusDays(3));
    assertThat(days).hasSize(4 * Stage.values().length);
    var on =
        days.stream()
            .filter(s -> s.cases() > 0)
            .collect(
                Collectors.groupingBy(
                    StageOnDay::day,
                    java.util.TreeMap::new,
                    Collectors.toMap(s -> s.stage().name(), StageOnDay::cases)));
    assertThat(on.get(D)).isEqualTo(Map.of("CURRENT", 1, "EARLY", 1));
    assertThat(on.get(D.plusDays(1))).isEqualTo(Map.of("CURRENT", 1, "MID", 1));
    assertThat(on.get(D.plusDays(2))).isEqualTo(Map.of("LATE", 1, "MID", 1));
    assertThat(on.get(D.plusDays(3))).isEqualTo(Map.of("LATE", 1, "MID", 1));

    var weeks = statistics.entriesByWeek(D, D.plusDays(3));
    assertThat(weeks)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.stage()).isEqualTo(Stage.LATE);
              assertThat(w.cases()).isEqualTo(1);
              // 2026-11-03 is a Tuesday: its week starts on Monday 2026-11-02
              assertThat(w.week()).isEqualTo(LocalDate.of(2026, 11, 2));
            });
    assertThat(statistics.planOutcomes().kept()).isZero();
  }
}
