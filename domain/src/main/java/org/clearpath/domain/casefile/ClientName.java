package org.clearpath.domain.casefile;

import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/** The client's name as the counselor writes it: any script, trimmed, 1 to 200 characters. */
public record ClientName(String value) {
  public static final int MAX_LENGTH = 200;

  public ClientName {
    if (value == null || value.isBlank()) {
      throw new InvalidInput(
          "clientName",
          "the client's name is required",
          org.clearpath.domain.shared.Message.of("input.required"));
    }
    value = value.strip();
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new InvalidInput(
          "clientName",
          "the client's name is longer than " + MAX_LENGTH + " characters",
          Message.of("input.max-length", "max", MAX_LENGTH));
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidInput(
          "clientName",
          "the client's name contains control characters",
          Message.of("refusal.the-client-s-name-contains-control-characters"));
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
