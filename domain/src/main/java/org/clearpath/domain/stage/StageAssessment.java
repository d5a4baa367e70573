package org.clearpath.domain.stage;

import java.util.Objects;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Stage;

/**
 * A stage and why: "晚期 because 招联 is 45 days past due", "legal: lawsuit filed 2026-10-03"; the
 * reason in English and as a code with parameters ({@code stage.days-past-due}).
 */
public record StageAssessment(Stage stage, String reason, Message why) {
  public StageAssessment {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(why, "why");
  }
}
