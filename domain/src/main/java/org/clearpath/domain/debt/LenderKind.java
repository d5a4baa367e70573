package org.clearpath.domain.debt;

/** The kinds of lender the guides distinguish (DOMAIN.md, "Case, debts…"). */
public enum LenderKind {
  ONLINE_PLATFORM,
  BANK_CARD,
  CONSUMER_FINANCE,
  INSTALMENT_LOAN,
  BNPL,
  OTHER
}
