package org.clearpath.domain.casefile;

/** Where the counselling work on a case stands (not the overdue stage of its debts). */
public enum CaseStatus {
  OPEN,
  IN_NEGOTIATION,
  PLAN_ACTIVE,
  RESOLVED,
  CLOSED
}
