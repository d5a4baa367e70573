package org.clearpath.domain.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The office's teams, kept by Clearpath (the identity provider knows people and roles only). */
public interface Teams {
  /** Every team, by name. */
  List<Team> all();

  Optional<Team> find(UUID id);

  Optional<Team> named(String name);

  /** A new team without members, at version 0. */
  void add(Team team);

  /**
   * The team's name and members as given, its version one up; counselors named are taken out of any
   * other team first (whose version goes up too).
   *
   * @throws org.clearpath.domain.shared.StaleVersion when the team is no longer at {@code version}
   */
  Team change(Team team, long version);

  /**
   * @throws org.clearpath.domain.shared.StaleVersion when the team is no longer at {@code version}
   */
  void remove(UUID id, long version);
}
