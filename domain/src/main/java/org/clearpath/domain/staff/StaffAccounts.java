package org.clearpath.domain.staff;

import java.util.List;
import java.util.Optional;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;

/** Staff accounts in the identity provider. Implemented with Keycloak's admin API. */
public interface StaffAccounts {

  /** Everyone with a staff role, by username. */
  List<StaffMember> all();

  Optional<StaffMember> find(UserId id);

  /** A new account with a one-time password to change at the first login. */
  record Invited(StaffMember member, String oneTimePassword) {}

  /**
   * @throws org.clearpath.domain.shared.StaleVersion never; a taken username or email is an {@link
   *     org.clearpath.domain.shared.InvalidInput} on {@code username}
   */
  Invited invite(String username, String firstName, String lastName, String email, Role role);

  /** Disables the account and ends its sessions. */
  void deactivate(UserId id);

  /** A new one-time password, to change at the next login. */
  String resetPassword(UserId id);

  /**
   * Removes the account's authenticator apps (its second factor): where the realm asks staff for a
   * one-time code, the next login sets up a new one. Returns how many were removed.
   */
  int resetSecondFactor(UserId id);
}
