package org.clearpath.domain.staff;

import java.time.Instant;
import java.util.Optional;
import org.clearpath.domain.shared.UserId;

/**
 * What lets an admin's own identity-provider rights change staff accounts while they are signed in:
 * the grant their sign-in gave (kept sealed, never in the browser), one per sign-in, until it ends.
 * The app's own account with the identity provider manages client logins only.
 */
public interface AdminSignIns {

  /** Keeps the grant of the sign-in {@code signIn} of {@code admin} until {@code until}. */
  void keep(String signIn, UserId admin, String grant, Instant until);

  /** The grant of that sign-in of that admin, unless it has ended by {@code now}. */
  Optional<String> grant(String signIn, UserId admin, Instant now);

  /** The sign-in ended (logout, back-channel logout): its grant goes. */
  void forget(String signIn);
}
