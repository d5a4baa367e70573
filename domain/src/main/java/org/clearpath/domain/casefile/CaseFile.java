package org.clearpath.domain.casefile;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.clearpath.domain.shared.UserId;

/**
 * One client's case, owned by one counselor. {@code clientLogin} is the client's own portal
 * account, when they have one; {@code version} guards against lost updates.
 */
public record CaseFile(
    CaseId id,
    ClientName clientName,
    UserId counselor,
    String counselorName,
    UserId clientLogin,
    CaseStatus status,
    Instant openedAt,
    long version) {

  public CaseFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(counselor, "counselor");
    Objects.requireNonNull(counselorName, "counselorName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(openedAt, "openedAt");
  }

  public Optional<UserId> clientLoginIfAny() {
    return Optional.ofNullable(clientLogin);
  }

  public boolean isAssignedTo(UserId user) {
    return counselor.equals(user);
  }

  public boolean belongsToClient(UserId user) {
    return user.equals(clientLogin);
  }
}
