package org.clearpath.domain.staff;

import java.util.Objects;
import java.util.Set;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;

/** Someone on the office's staff, as the identity provider holds them. */
public record StaffMember(
    UserId id, String username, String name, String email, Set<Role> roles, boolean enabled) {
  public StaffMember {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    roles = Set.copyOf(roles);
  }
}
