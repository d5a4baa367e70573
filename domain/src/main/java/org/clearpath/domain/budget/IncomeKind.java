package org.clearpath.domain.budget;

/** Where monthly income comes from. */
public enum IncomeKind {
  WAGES,
  BENEFITS,
  SIDE_INCOME,
  PENSION,
  FAMILY_SUPPORT,
  OTHER
}
