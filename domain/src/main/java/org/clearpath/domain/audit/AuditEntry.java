package org.clearpath.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;

/** One change to case data: who did it, when (UTC), what, and the values involved. */
public record AuditEntry(
    CaseId caseId,
    UserId actor,
    String actorName,
    String action,
    Map<String, String> details,
    Instant at) {
  public AuditEntry {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(actorName, "actorName");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
    details = Map.copyOf(details);
  }
}
