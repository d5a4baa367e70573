package org.clearpath.domain.stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.clearpath.domain.shared.UserId;

/**
 * One stretch of time a case spent in one stage: from {@code startedOn} until {@code endedOn}
 * (exclusive; none while it lasts), why, and who changed it ({@code changedBy} is null when the
 * daily job recorded it).
 */
public record StagePeriod(
    Stage stage,
    LocalDate startedOn,
    LocalDate endedOn,
    String reason,
    UserId changedBy,
    String changedByName,
    Instant recordedAt) {
  public StagePeriod {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(startedOn, "startedOn");
    Objects.requireNonNull(reason, "reason");
  }

  public boolean automatic() {
    return changedBy == null;
  }
}
