package org.clearpath.domain.casefile;

import java.util.Optional;
import org.clearpath.domain.shared.UserId;

/** What a counselor asks for when opening a case: the client's name and their portal login. */
public record OpenCase(ClientName clientName, Optional<UserId> clientLogin) {
  public OpenCase {
    java.util.Objects.requireNonNull(clientName, "clientName");
    clientLogin = clientLogin == null ? Optional.empty() : clientLogin;
  }
}
