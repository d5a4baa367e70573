package org.clearpath.domain.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of people who use Clearpath (see DOMAIN.md, "People"), and the office's staff
 * administrators ({@code admin}: invite, deactivate and hand over staff) and directors.
 */
public enum Role {
  COUNSELOR,
  SUPERVISOR,
  CLIENT,
  ADMIN,
  DIRECTOR;

  /** The role's name as the identity provider spells it: {@code counselor}, {@code supervisor}… */
  public String claimValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromClaimValue(String value) {
    for (Role role : values()) {
      if (role.claimValue().equals(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
