package org.clearpath.domain.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.Test;

class WellbeingCheckTest {

  private static WellbeingCheck check(int stress, WellbeingCheck.SelfHarm selfHarm) {
    return new WellbeingCheck(
        UUID.randomUUID(),
        CaseId.random(),
        WellbeingCheck.Occasion.INTAKE,
        stress,
        0,
        0,
        selfHarm,
        "  ",
        Instant.parse("2026-12-01T02:00:00Z"),
        new UserId("c1"),
        "counselor.wang");
  }

  @Test
  void any_thoughts_of_self_harm_are_a_crisis_and_declining_to_say_is_not() {
    assertThat(check(3, WellbeingCheck.SelfHarm.NOT_AT_ALL).crisis())
        .as("high stress alone")
        .isFalse();
    assertThat(check(0, WellbeingCheck.SelfHarm.SEVERAL_DAYS).crisis()).isTrue();
    assertThat(check(0, WellbeingCheck.SelfHarm.MORE_THAN_HALF_THE_DAYS).crisis()).isTrue();
    assertThat(check(0, WellbeingCheck.SelfHarm.NEARLY_EVERY_DAY).crisis()).isTrue();
    assertThat(check(0, WellbeingCheck.SelfHarm.DECLINED).crisis()).isFalse();
    assertThat(check(0, WellbeingCheck.SelfHarm.DECLINED).note()).isNull();
  }

  @Test
  void scales_run_from_0_to_3_and_the_direct_question_is_always_answered() {
    assertThatThrownBy(() -> check(4, WellbeingCheck.SelfHarm.NOT_AT_ALL))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("stress"));
    assertThatThrownBy(() -> check(-1, WellbeingCheck.SelfHarm.NOT_AT_ALL))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> check(0, null))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("selfHarm"));
  }
}
