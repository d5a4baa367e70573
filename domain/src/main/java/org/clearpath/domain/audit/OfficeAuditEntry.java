package org.clearpath.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.clearpath.domain.shared.UserId;

/**
 * One change to office-wide data, not to one case (directory merges, staff): who, when (UTC), what,
 * and the values involved.
 */
public record OfficeAuditEntry(
    UserId actor, String actorName, String action, Map<String, String> details, Instant at) {
  public OfficeAuditEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(actorName, "actorName");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
    details = Map.copyOf(details);
  }
}
