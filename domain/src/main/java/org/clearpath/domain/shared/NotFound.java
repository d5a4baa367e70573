package org.clearpath.domain.shared;

/**
 * The thing does not exist, or exists but is not visible to the actor. The two are deliberately the
 * same answer, so that ids of other people's cases reveal nothing.
 */
public final class NotFound extends RuntimeException {
  public NotFound(String what) {
    super(what + " not found");
  }
}
