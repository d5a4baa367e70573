package org.clearpath.domain.shared;

/**
 * A change that the thing's current state does not allow (a payment on a withdrawn plan, say). The
 * message names the state it is in, so the caller can tell the user what is the case now.
 */
public final class WrongState extends IllegalStateException {
  private final String state;

  public WrongState(String message, Enum<?> state) {
    super(message + " (it is " + state.name() + ")");
    this.state = state.name();
  }

  /** The state it is in (a code: PROPOSED, WITHDRAWN…). */
  public String state() {
    return state;
  }
}
