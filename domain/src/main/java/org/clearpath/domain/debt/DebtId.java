package org.clearpath.domain.debt;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record DebtId(UUID value) {
  public DebtId {
    Objects.requireNonNull(value, "value");
  }

  public static DebtId random() {
    return new DebtId(UUID.randomUUID());
  }

  public static Optional<DebtId> parse(String text) {
    try {
      return Optional.of(new DebtId(UUID.fromString(text)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
