package org.clearpath.domain.shared;

import java.util.Objects;
import java.util.Set;

/**
 * Whose cases a list or a look covers: every case (a director, or a supervisor while the office has
 * no teams), one counselor's caseload, or every case but those of counselors in teams the
 * supervisor does not lead (their own teams and counselors in no team, so nobody's cases go
 * unwatched).
 */
public sealed interface Reach {
  /** Every case of the office. */
  record Everyone() implements Reach {}

  /** One counselor's caseload. */
  record Caseload(UserId counselor) implements Reach {
    public Caseload {
      Objects.requireNonNull(counselor, "counselor");
    }
  }

  /** Every case but those of these counselors (who are in other supervisors' teams). */
  record AllBut(Set<UserId> counselors) implements Reach {
    public AllBut {
      counselors = Set.copyOf(counselors);
    }
  }

  static Reach everyone() {
    return new Everyone();
  }

  static Reach caseload(UserId counselor) {
    return new Caseload(counselor);
  }

  /** Every case but these counselors'; with none left out, every case. */
  static Reach allBut(Set<UserId> counselors) {
    return counselors.isEmpty() ? new Everyone() : new AllBut(counselors);
  }

  /** Whether a case held by this counselor is within reach. */
  default boolean covers(UserId counselor) {
    return switch (this) {
      case Everyone e -> true;
      case Caseload c -> c.counselor().equals(counselor);
      case AllBut a -> !a.counselors().contains(counselor);
    };
  }
}
