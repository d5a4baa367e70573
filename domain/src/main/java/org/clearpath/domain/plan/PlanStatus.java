package org.clearpath.domain.plan;

/**
 * proposed → agreed (signed agreement attached) → active (first payment or first due date) →
 * completed (everything paid); agreed or active → broken (too many missed instalments, or by hand);
 * a proposal the lender turned down is withdrawn.
 */
public enum PlanStatus {
  PROPOSED,
  AGREED,
  ACTIVE,
  COMPLETED,
  BROKEN,
  WITHDRAWN;

  /** Agreed or active: the schedule replaces the debts' own dues. */
  public boolean inForce() {
    return this == AGREED || this == ACTIVE;
  }

  /** Proposed, agreed or active: the debts may not be in another plan. */
  public boolean open() {
    return this == PROPOSED || inForce();
  }
}
