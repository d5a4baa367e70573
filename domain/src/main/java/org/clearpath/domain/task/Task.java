package org.clearpath.domain.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Money;

/**
 * Something the case's counselor has to act on. It goes to whoever holds the case, so a reassigned
 * case takes its tasks along. {@code instalment}, {@code dueOn} and {@code amount} describe a
 * missed instalment; a broken plan has none of them. {@code note} is what a supervisor's review
 * asked the counselor to do.
 */
public record Task(
    UUID id,
    CaseId caseId,
    TaskKind kind,
    UUID planId,
    Integer instalment,
    LocalDate dueOn,
    Money amount,
    Instant createdAt,
    Instant doneAt,
    String doneByName,
    String note) {

  /** A task without a note (every kind but a review's action). */
  public Task(
      UUID id,
      CaseId caseId,
      TaskKind kind,
      UUID planId,
      Integer instalment,
      LocalDate dueOn,
      Money amount,
      Instant createdAt,
      Instant doneAt,
      String doneByName) {
    this(id, caseId, kind, planId, instalment, dueOn, amount, createdAt, doneAt, doneByName, null);
  }

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
