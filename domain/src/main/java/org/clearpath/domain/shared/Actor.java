package org.clearpath.domain.shared;

import java.util.Objects;
import java.util.Set;

/** Whoever is doing something right now: their identity, a display name and their roles. */
public record Actor(UserId id, String username, Set<Role> roles) {
  public Actor {
    Objects.requireNonNull(id, "id");
    username = username == null || username.isBlank() ? id.value() : username;
    roles = Set.copyOf(roles);
  }

  public boolean is(Role role) {
    return roles.contains(role);
  }
}
