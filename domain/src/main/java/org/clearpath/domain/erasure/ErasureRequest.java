package org.clearpath.domain.erasure;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;

/**
 * Someone asked for a case to be erased: the client (from the portal) or the case's counselor; a
 * supervisor erases it or refuses, saying why. {@code version} guards against two decisions.
 */
public record ErasureRequest(
    UUID id,
    CaseId caseId,
    UserId requestedBy,
    String requestedByName,
    RequestedAs requestedAs,
    Instant requestedAt,
    Status status,
    String decidedByName,
    Instant decidedAt,
    String note,
    long version) {

  public enum RequestedAs {
    CLIENT,
    COUNSELOR
  }

  public enum Status {
    REQUESTED,
    ERASED,
    REFUSED
  }

  public ErasureRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedByName, "requestedByName");
    Objects.requireNonNull(requestedAs, "requestedAs");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(status, "status");
  }

  /** This request decided by a supervisor at a moment, with a note (a refusal's reason). */
  public ErasureRequest decided(Status outcome, String byName, Instant at, String why) {
    return new ErasureRequest(
        id,
        caseId,
        requestedBy,
        requestedByName,
        requestedAs,
        requestedAt,
        outcome,
        byName,
        at,
        why,
        version);
  }
}
