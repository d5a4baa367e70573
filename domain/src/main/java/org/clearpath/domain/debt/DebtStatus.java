package org.clearpath.domain.debt;

/** Open debts count for the stage; the others are closed. */
public enum DebtStatus {
  OPEN,
  PAID_OFF,
  SETTLED,
  WRITTEN_OFF;

  public boolean isOpen() {
    return this == OPEN;
  }
}
