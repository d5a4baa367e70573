package org.clearpath.api.problem;

/** The request clashes with what is already there (a taken username, a stale version). */
public final class Conflict extends RuntimeException {
  private final String field;

  public Conflict(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
