package org.clearpath.domain.budget;

/**
 * What a monthly expense is for. Each category says whether it is essential by default (basic
 * living that repayments must never endanger); the counselor may judge a single line otherwise.
 */
public enum ExpenseCategory {
  HOUSING(true),
  FOOD(true),
  UTILITIES(true),
  TRANSPORT(true),
  MEDICAL(true),
  CHILDREN(true),
  INSURANCE(true),
  PHONE(true),
  EDUCATION(false),
  FAMILY_SUPPORT(false),
  LEISURE(false),
  OTHER(false);

  private final boolean essentialByDefault;

  ExpenseCategory(boolean essentialByDefault) {
    this.essentialByDefault = essentialByDefault;
  }

  public boolean essentialByDefault() {
    return essentialByDefault;
  }
}
