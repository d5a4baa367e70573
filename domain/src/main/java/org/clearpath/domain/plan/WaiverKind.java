package org.clearpath.domain.plan;

/** 减免: what the lender agreed to drop. */
public enum WaiverKind {
  PENALTY_INTEREST,
  FEES,
  INTEREST,
  PRINCIPAL
}
