package org.clearpath.domain.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.shared.Message;

/**
 * A supervisor's approval that a proposal waiving much needs before it can be agreed: why it is
 * needed ({@code why}: the threshold passed), pending until a supervisor approves it or returns it
 * with a reason.
 */
public record PlanApproval(
    UUID planId,
    Status status,
    Message why,
    Instant requestedAt,
    String decidedByName,
    Instant decidedAt,
    String note,
    long version) {

  public enum Status {
    PENDING,
    APPROVED,
    RETURNED
  }

  public PlanApproval {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  public PlanApproval decided(Status decision, String byName, Instant at, String note) {
    return new PlanApproval(planId, decision, why, requestedAt, byName, at, note, version);
  }
}
