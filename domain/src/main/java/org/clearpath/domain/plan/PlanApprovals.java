package org.clearpath.domain.plan;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The approvals proposals needed. Implemented in persistence. */
public interface PlanApprovals {

  void add(PlanApproval approval);

  Optional<PlanApproval> find(UUID planId);

  /** The approvals of these plans, read together (plans without one are absent). */
  Map<UUID, PlanApproval> ofPlans(Collection<UUID> planIds);

  /**
   * Stores the decision if the approval is still at {@code version}.
   *
   * @throws org.clearpath.domain.shared.StaleVersion otherwise
   */
  void decide(PlanApproval decided, long version);
}
