package org.clearpath.domain.erasure;

import java.time.Instant;
import java.util.Objects;

/** A supervisor keeps a case from being erased (a lawsuit, a complaint under way), saying why. */
public record LegalHold(String reason, String setByName, Instant at) {
  /** The state a case on hold is in, for a refusal (409) to name. */
  public enum State {
    ON_LEGAL_HOLD,
    NOT_ON_LEGAL_HOLD
  }

  public LegalHold {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(setByName, "setByName");
    Objects.requireNonNull(at, "at");
  }
}
