package org.clearpath.domain.shared;

/** Someone else changed the thing since the actor read it (optimistic locking). */
public final class StaleVersion extends RuntimeException {
  public StaleVersion(String what) {
    super(what + " was changed by someone else in the meantime; reload and try again");
  }
}
