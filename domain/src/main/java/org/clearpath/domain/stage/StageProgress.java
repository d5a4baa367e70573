package org.clearpath.domain.stage;

import java.util.List;
import java.util.Optional;
import org.clearpath.domain.shared.Stage;

/**
 * The recommended actions of a case's current stage, in the guides' order, each with its tick where
 * it was done.
 */
public record StageProgress(Stage stage, List<Action> actions) {
  /** One recommended action and, if done, who did it and when. */
  public record Action(String key, Optional<ChecklistTick> tick) {}

  public StageProgress {
    actions = List.copyOf(actions);
  }

  /** The stage's actions, with the ticks of that stage (ticks of earlier stages stay aside). */
  static StageProgress of(Stage stage, List<ChecklistTick> ticks) {
    return new StageProgress(
        stage,
        StageChecklist.itemsOf(stage).stream()
            .map(
                key ->
                    new Action(
                        key,
                        ticks.stream()
                            .filter(t -> t.stage() == stage && t.item().equals(key))
                            .findFirst()))
            .toList());
  }
}
