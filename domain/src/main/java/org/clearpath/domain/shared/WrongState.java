package org.clearpath.domain.shared;

/**
 * A change that the thing's current state does not allow (a payment on a withdrawn plan, say). The
 * message names the state it is in, so the caller can tell the user what is the case now.
 */
public final class WrongState extends IllegalStateException {
  public WrongState(String message, Enum<?> state) {
    super(message + " (it is " + state.name() + ")");
  }
}
