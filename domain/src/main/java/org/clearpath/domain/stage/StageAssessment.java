package org.clearpath.domain.stage;

import java.util.Objects;

/** A stage and why: "晚期 because 招联 is 45 days past due", "legal: lawsuit filed 2026-10-03". */
public record StageAssessment(Stage stage, String reason) {
  public StageAssessment {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
  }
}
