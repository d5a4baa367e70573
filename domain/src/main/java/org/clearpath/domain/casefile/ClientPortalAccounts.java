package org.clearpath.domain.casefile;

import org.clearpath.domain.shared.UserId;

/** Where clients' portal logins live (the identity provider). Implemented in {@code api}. */
public interface ClientPortalAccounts {

  /** A login that was just made; the temporary password must be changed at first login. */
  record NewAccount(UserId id, String username, String temporaryPassword) {
    @Override
    public String toString() {
      return "NewAccount[id=" + id + ", username=" + username + "]"; // never log the password
    }
  }

  /** Creates an enabled login with the client role. */
  NewAccount create(PortalLogin login, ClientName name);

  /** Undoes {@link #create} when the case could not be stored after all. */
  void remove(UserId id);

  /**
   * The client's login is no longer wanted (their case is erased): the account goes, with its
   * sessions; an account that is also staff keeps that and loses only its client role. Nothing
   * happens for an account that is gone already.
   */
  void retire(UserId id);
}
