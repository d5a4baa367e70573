package org.clearpath.domain.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.Test;

class StageProgressTest {
  private static final UserId WANG = new UserId(UUID.randomUUID().toString());

  @Test
  void the_current_stages_actions_in_order_with_only_that_stages_ticks() {
    var at = Instant.parse("2026-12-01T08:00:00Z");
    var progress =
        StageProgress.of(
            Stage.EARLY,
            List.of(
                new ChecklistTick(Stage.EARLY, "propose-plan", WANG, "wang", at),
                // ticked while the case was current: not an action of this stage
                new ChecklistTick(Stage.CURRENT, "check-debts", WANG, "wang", at),
                // the same key under another stage does not tick this stage's action
                new ChecklistTick(Stage.MID, "verify-amount", WANG, "wang", at)));

    assertThat(progress.stage()).isEqualTo(Stage.EARLY);
    assertThat(progress.actions())
        .extracting(StageProgress.Action::key)
        .containsExactlyElementsOf(StageChecklist.itemsOf(Stage.EARLY));
    assertThat(progress.actions())
        .filteredOn(action -> action.tick().isPresent())
        .extracting(StageProgress.Action::key)
        .containsExactly("propose-plan");
    assertThat(progress.actions().get(2).tick())
        .hasValueSatisfying(t -> assertThat(t.doneAt()).isEqualTo(at));
  }
}
