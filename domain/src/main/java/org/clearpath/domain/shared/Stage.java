package org.clearpath.domain.shared;

/**
 * The overdue stages of DOMAIN.md, least to most severe. A case's stage is the most severe of its
 * open debts, or {@link #LEGAL} while a legal milestone is in force, or {@link #RESOLVED} when
 * every debt is closed.
 */
public enum Stage {
  RESOLVED,
  CURRENT,
  EARLY,
  MID,
  LATE,
  LEGAL;

  public boolean isWorseThan(Stage other) {
    return compareTo(other) > 0;
  }
}
