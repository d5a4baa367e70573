package org.clearpath.domain.contact;

/** Who started the contact. */
public enum Direction {
  /** From the lender or collector to the client's side: collection contact. */
  INBOUND,
  /** From the client or counselor to the lender. */
  OUTBOUND
}
