package org.clearpath.domain.budget;

/** What the client owns. Savings are the only liquid kind (they count towards the fund). */
public enum AssetKind {
  SAVINGS,
  VEHICLE,
  PROPERTY,
  INVESTMENT,
  OTHER;

  public boolean liquid() {
    return this == SAVINGS;
  }
}
