package org.clearpath.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordOnDemandTest {
  @Test
  void the_zone_and_jurisdiction_are_read_without_opening_the_record_which_opens_once() {
    var openings = new AtomicInteger();
    var kept =
        RecordOnDemand.opening(
            "Asia/Shanghai",
            "CN",
            () -> {
              openings.incrementAndGet();
              return new ClientRecord(
                  "138 0013 8000", null, "11010519491231002X", "家中三口", "Asia/Shanghai", "CN");
            });

    assertThat(kept.jurisdictionOr("US")).isEqualTo("CN");
    assertThat(kept.zone()).isEqualTo("Asia/Shanghai");
    assertThat(kept.isOpen()).isFalse();
    assertThat(openings).hasValue(0);

    assertThat(kept.record().phone()).isEqualTo("138 0013 8000");
    assertThat(kept.record().householdNotes()).isEqualTo("家中三口");
    assertThat(kept.isOpen()).isTrue();
    assertThat(openings).hasValue(1);
  }

  @Test
  void a_case_without_a_jurisdiction_of_its_own_is_judged_by_the_offices() {
    var kept = RecordOnDemand.opening(null, null, () -> ClientRecord.EMPTY);
    assertThat(kept.jurisdictionOr("CN")).isEqualTo("CN");
    assertThat(kept.isOpen()).isFalse();
  }

  @Test
  void a_case_reads_the_same_whether_its_record_was_at_hand_or_opened_later() {
    var record = new ClientRecord("+1 555 0100", "a@example.org", null, null, null, "US");
    var atHand = RecordOnDemand.of(record);
    var later = RecordOnDemand.opening(null, "US", () -> record);
    assertThat(later).isEqualTo(atHand);
    assertThat(later.jurisdiction()).isEqualTo(atHand.jurisdiction());
  }
}
