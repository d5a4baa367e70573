package org.clearpath.domain.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;

/** Plans of every case. Implemented in persistence. */
public interface Plans {

  void add(Plan plan);

  Optional<Plan> find(UUID id);

  /** Newest first. */
  List<Plan> ofCase(CaseId caseId);

  /**
   * Ids of the agreed or active plans the daily watch has something to do for on {@code day}: an
   * agreed one whose first instalment has fallen due, or one with an instalment due before {@code
   * day}, not yet marked missed, and not covered by the payments made by {@code day}.
   */
  List<UUID> toWatch(java.time.LocalDate day);

  /**
   * Stores the plan's status, reason, agreement, missed marks and new payments if it is still at
   * {@code plan.version()}; else {@link org.clearpath.domain.shared.StaleVersion}. Bumps the
   * version.
   */
  void update(Plan plan);

  /**
   * Plans that may be at risk: agreed or active ones with an instalment marked missed, and those
   * broken on or after {@code brokenSince}, on the cases within reach. The caller works out what is
   * still unpaid.
   */
  List<Plan> atRisk(java.time.LocalDate brokenSince, org.clearpath.domain.shared.Reach reach);
}
