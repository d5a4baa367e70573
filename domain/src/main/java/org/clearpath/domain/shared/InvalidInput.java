package org.clearpath.domain.shared;

import java.util.Objects;

/** Input that breaks a domain rule. Names the field so that a user can fix it. */
public final class InvalidInput extends RuntimeException {
  private final String field;

  public InvalidInput(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  public String field() {
    return field;
  }
}
