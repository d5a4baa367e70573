package org.clearpath.domain.debt;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record LenderId(UUID value) {
  public LenderId {
    Objects.requireNonNull(value, "value");
  }

  public static Optional<LenderId> parse(String text) {
    try {
      return Optional.of(new LenderId(UUID.fromString(text)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }

  /** The refusal of a lender id that names no lender of the directory. */
  public static org.clearpath.domain.shared.InvalidInput unknown() {
    return new org.clearpath.domain.shared.InvalidInput(
        "lenderId",
        "there is no such lender",
        org.clearpath.domain.shared.Message.of("input.unknown"));
  }
}
