package org.clearpath.domain.shared;

/** The actor may not do this at all (as opposed to: the thing is not there for them). */
public final class NotPermitted extends RuntimeException {
  public NotPermitted(String reason) {
    super(reason);
  }
}
