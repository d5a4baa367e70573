package org.clearpath.domain.casefile;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.stage.Stage;

/**
 * One client's case, owned by one counselor. {@code clientLogin} is the client's own portal
 * account, when they have one; {@code stage} is the overdue stage the daily job last recorded;
 * {@code version} guards against lost updates.
 */
public record CaseFile(
    CaseId id,
    ClientName clientName,
    UserId counselor,
    String counselorName,
    UserId clientLogin,
    CaseStatus status,
    Stage stage,
    Instant openedAt,
    long version) {

  public CaseFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(counselor, "counselor");
    Objects.requireNonNull(counselorName, "counselorName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(stage, "stage");
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
