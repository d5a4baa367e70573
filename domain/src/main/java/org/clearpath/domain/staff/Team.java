package org.clearpath.domain.staff;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.shared.UserId;

/**
 * A team of the office: the supervisors who lead it and the counselors in it. A counselor is in at
 * most one team; a supervisor may lead several. A supervisor sees the cases of their teams'
 * counselors (and of counselors in no team); a director sees every team's.
 */
public record Team(
    UUID id, String name, List<Member> supervisors, List<Member> counselors, long version) {
  /** Someone in a team, with the username they had when they were put in it. */
  public record Member(UserId id, String username) {
    public Member {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(username, "username");
    }
  }

  public Team {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    supervisors = List.copyOf(supervisors);
    counselors = List.copyOf(counselors);
  }
}
