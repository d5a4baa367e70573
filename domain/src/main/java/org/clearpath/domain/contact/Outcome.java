package org.clearpath.domain.contact;

/** What came of a contact. */
public enum Outcome {
  PROMISE_TO_PAY,
  PLAN_OFFERED,
  PLAN_AGREED,
  REFUSED,
  DISPUTED,
  NO_ANSWER,
  CALLBACK_REQUESTED,
  OTHER
}
