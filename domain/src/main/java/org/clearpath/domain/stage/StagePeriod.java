package org.clearpath.domain.stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;

/**
 * One stretch of time a case spent in one stage: from {@code startedOn} until {@code endedOn}
 * (exclusive; none while it lasts), why (in English for API clients, and as a code with parameters
 * for the UI; a stage set by hand keeps the counselor's own words, code {@code stage.manual}), and
 * who changed it ({@code changedBy} is null when the daily job recorded it).
 */
public record StagePeriod(
    Stage stage,
    LocalDate startedOn,
    LocalDate endedOn,
    String reason,
    Message why,
    UserId changedBy,
    String changedByName,
    Instant recordedAt) {
  public StagePeriod {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(startedOn, "startedOn");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(why, "why");
  }

  public boolean automatic() {
    return changedBy == null;
  }
}
