package org.clearpath.domain.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.UserId;

/** Money the client paid under a plan, on a day. Payments are never changed. */
public record PlanPayment(
    UUID id,
    LocalDate paidOn,
    Money amount,
    String note,
    UserId recordedBy,
    String recordedByName,
    Instant recordedAt) {
  public PlanPayment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(paidOn, "paidOn");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(recordedAt, "recordedAt");
    note = note == null || note.isBlank() ? null : note.strip();
  }
}
