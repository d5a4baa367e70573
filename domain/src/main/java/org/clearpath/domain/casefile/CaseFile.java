package org.clearpath.domain.casefile;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;

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
    RecordOnDemand clientRecord,
    CaseStatus status,
    String statusReason,
    Stage stage,
    Instant openedAt,
    long version) {

  public CaseFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(counselor, "counselor");
    Objects.requireNonNull(counselorName, "counselorName");
    Objects.requireNonNull(status, "status");
    clientRecord = clientRecord == null ? RecordOnDemand.of(ClientRecord.EMPTY) : clientRecord;
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(openedAt, "openedAt");
  }

  /** A case whose client record is at hand. */
  public CaseFile(
      CaseId id,
      ClientName clientName,
      UserId counselor,
      String counselorName,
      UserId clientLogin,
      ClientRecord client,
      CaseStatus status,
      String statusReason,
      Stage stage,
      Instant openedAt,
      long version) {
    this(
        id,
        clientName,
        counselor,
        counselorName,
        clientLogin,
        RecordOnDemand.of(client),
        status,
        statusReason,
        stage,
        openedAt,
        version);
  }

  /** The client's whole record: opened (decrypted) now if this read of the case had not yet. */
  public ClientRecord client() {
    return clientRecord.record();
  }

  /** The jurisdiction whose rules judge the case (its own, else the office's), record unopened. */
  public String jurisdictionOr(String office) {
    return clientRecord.jurisdictionOr(office);
  }

  public Optional<UserId> clientLoginIfAny() {
    return Optional.ofNullable(clientLogin);
  }

  /** The same case as read at another version (for optimistic updates). */
  public CaseFile atVersion(long readVersion) {
    return new CaseFile(
        id,
        clientName,
        counselor,
        counselorName,
        clientLogin,
        clientRecord,
        status,
        statusReason,
        stage,
        openedAt,
        readVersion);
  }

  public CaseFile withClient(ClientRecord newRecord) {
    return new CaseFile(
        id,
        clientName,
        counselor,
        counselorName,
        clientLogin,
        RecordOnDemand.of(newRecord),
        status,
        statusReason,
        stage,
        openedAt,
        version);
  }

  public CaseFile withStatus(CaseStatus newStatus, String reason) {
    return new CaseFile(
        id,
        clientName,
        counselor,
        counselorName,
        clientLogin,
        clientRecord,
        newStatus,
        reason,
        stage,
        openedAt,
        version);
  }

  public CaseFile assignedTo(UserId newCounselor, String newCounselorName) {
    return new CaseFile(
        id,
        clientName,
        newCounselor,
        newCounselorName,
        clientLogin,
        clientRecord,
        status,
        statusReason,
        stage,
        openedAt,
        version);
  }

  public boolean isAssignedTo(UserId user) {
    return counselor.equals(user);
  }

  public boolean belongsToClient(UserId user) {
    return user.equals(clientLogin);
  }
}
