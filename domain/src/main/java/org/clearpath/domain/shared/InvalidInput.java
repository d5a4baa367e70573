package org.clearpath.domain.shared;

import java.util.Objects;

/**
 * Input that breaks a domain rule. Names the field so that a user can fix it, says why in English
 * (for API clients), and, where it has one, as a {@link Message} the UI says in the user's language
 * ({@code input.required}, {@code input.one-of} with the allowed values…).
 */
public final class InvalidInput extends RuntimeException {
  private final String field;
  private final Message why;

  public InvalidInput(String field, String message) {
    this(field, message, null);
  }

  public InvalidInput(String field, String message, Message why) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
    this.why = why;
  }

  public String field() {
    return field;
  }

  /** The reason as a code with parameters; null where only the English is known. */
  public Message why() {
    return why;
  }
}
