package org.clearpath.domain.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.clearpath.domain.shared.Stage;
import org.junit.jupiter.api.Test;

class ReviewIntervalsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void legal_and_late_cases_are_reviewed_every_14_days_and_the_others_every_30() {
    var intervals = ReviewIntervals.defaults(SHANGHAI);
    var base = LocalDate.of(2026, 11, 1);
    assertThat(intervals.next(base, Stage.LEGAL)).isEqualTo(LocalDate.of(2026, 11, 15));
    assertThat(intervals.next(base, Stage.LATE)).isEqualTo(LocalDate.of(2026, 11, 15));
    assertThat(intervals.next(base, Stage.MID)).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(intervals.next(base, Stage.CURRENT)).isEqualTo(LocalDate.of(2026, 12, 1));
  }

  @Test
  void an_office_sets_its_own_and_nonsense_is_refused_naming_the_setting() {
    var intervals = new ReviewIntervals(Map.of(Stage.MID, 21), SHANGHAI);
    assertThat(intervals.of(Stage.MID)).isEqualTo(21);
    assertThat(intervals.of(Stage.LEGAL)).isEqualTo(30);
    assertThatThrownBy(() -> new ReviewIntervals(Map.of(Stage.LATE, 0), SHANGHAI))
        .hasMessageContaining("clearpath.reviews.days.late");
  }
}
