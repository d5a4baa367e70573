package org.clearpath.domain.shared;

import java.util.Objects;

/**
 * A person's stable identity from the identity provider: the Keycloak user id ({@code sub} claim).
 * Usernames are for display; they are never used to decide who owns what.
 */
public record UserId(String value) {
  public UserId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a user id cannot be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
