package org.clearpath.domain.casefile;

/** The answer of {@link CaseAccessPolicy}: granted, or denied with the reason. */
public sealed interface CaseAccess {

  record Granted(String why) implements CaseAccess {}

  record Denied(String why) implements CaseAccess {}

  default boolean granted() {
    return this instanceof Granted;
  }
}
