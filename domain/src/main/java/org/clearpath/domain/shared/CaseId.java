package org.clearpath.domain.shared;

import java.util.Objects;
import java.util.UUID;

public record CaseId(UUID value) {
  public CaseId {
    Objects.requireNonNull(value, "value");
  }

  public static CaseId random() {
    return new CaseId(UUID.randomUUID());
  }

  /**
   * Parses a case id as it appears in a URL; anything malformed is simply a case that is not there.
   */
  public static java.util.Optional<CaseId> parse(String text) {
    try {
      return java.util.Optional.of(new CaseId(UUID.fromString(text)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
