package org.clearpath.domain.plan;

import java.time.Instant;
import java.util.Optional;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;

/** The one calendar feed a case may have, known by the SHA-256 of its secret. In persistence. */
public interface CalendarFeeds {

  /** Sets the case's feed to this secret; any earlier one stops working. */
  void replace(CaseId caseId, String secretSha256, UserId by, Instant at);

  /** True if there was a feed to revoke. */
  boolean revoke(CaseId caseId);

  Optional<Instant> createdAt(CaseId caseId);

  Optional<CaseId> caseFor(String secretSha256);
}
