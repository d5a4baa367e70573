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
    if (hasControlCharacters(value)) {
      throw new InvalidInput(
          "clientName",
          "the client's name contains control characters",
          Message.of("refusal.the-client-s-name-contains-control-characters"));
    }
  }

  // (a loop: every case read makes a name, 50 for each page of the caseload)
  private static boolean hasControlCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return value;
  }
}
