package org.clearpath.persistence.staff;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearpath.domain.shared.Oversight;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.staff.Team;
import org.clearpath.domain.staff.Teams;
import org.clearpath.persistence.Sql;

/**
 * {@link Teams} in {@code team} and {@code team_member}, and the {@link Oversight} they give: the
 * counselors outside a supervisor's teams, in one small query. Every request of a supervisor asks
 * it, so each answer is kept for {@link #KEPT}: a change made here clears them at once, one made
 * through another instance is seen here within that time.
 */
@Singleton
public class JdbcTeams implements Teams, Oversight {
  static final java.time.Duration KEPT = java.time.Duration.ofSeconds(10);

  private record Kept(Set<UserId> outside, long at) {}

  private final JdbcOperations jdbc;
  private final java.util.concurrent.ConcurrentHashMap<UserId, Kept> kept =
      new java.util.concurrent.ConcurrentHashMap<>();

  JdbcTeams(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<UserId> outsideTheTeamsOf(UserId supervisor) {
    var now = System.nanoTime();
    var known = kept.get(supervisor);
    if (known != null && now - known.at() < KEPT.toNanos()) {
      return known.outside();
    }
    var outside = Set.copyOf(read(supervisor));
    kept.put(supervisor, new Kept(outside, now));
    return outside;
  }

  /** On a connection of its own (or the caller's): this is asked outside transactions too. */
  private Set<UserId> read(UserId supervisor) {
    return jdbc.execute(
        connection ->
            new HashSet<>(
                Sql.query(
                    connection,
                    """
                    select m.user_id from team_member m where m.role = 'COUNSELOR'
                    and m.team_id not in (select s.team_id from team_member s
                                          where s.role = 'SUPERVISOR' and s.user_id = ?)
                    """,
                    rows -> new UserId(rows.getString(1)),
                    supervisor.value())));
  }

  @Override
  @Connectable
  public List<Team> all() {
    return teams("true");
  }

  @Override
  @Connectable
  public Optional<Team> find(UUID id) {
    return teams("t.id = ?", id).stream().findFirst();
  }

  @Override
  @Connectable
  public Optional<Team> named(String name) {
    return teams("lower(t.name) = lower(?)", name).stream().findFirst();
  }

  /** The teams matching {@code where} (over {@code team t}) with their members: one statement. */
  private List<Team> teams(String where, Object... parameters) {
    record Row(UUID id, String name, long version, String userId, String username, String role) {}
    var rows =
        Sql.query(
            jdbc.getConnection(),
            "select t.id, t.name, t.version, m.user_id, m.username, m.role from team t"
                + " left join team_member m on m.team_id = t.id where "
                + where
                + " order by lower(t.name), t.id, m.username",
            r ->
                new Row(
                    r.getObject("id", UUID.class),
                    r.getString("name"),
                    r.getLong("version"),
                    r.getString("user_id"),
                    r.getString("username"),
                    r.getString("role")),
            parameters);
    var byTeam = new LinkedHashMap<UUID, List<Row>>();
    for (var row : rows) {
      byTeam.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row);
    }
    var teams = new ArrayList<Team>();
    for (var members : byTeam.values()) {
      var first = members.getFirst();
      var supervisors = new ArrayList<Team.Member>();
      var counselors = new ArrayList<Team.Member>();
      for (var m : members) {
        if (m.userId() == null) {
          continue;
        }
        var member = new Team.Member(new UserId(m.userId()), m.username());
        (m.role().equals("SUPERVISOR") ? supervisors : counselors).add(member);
      }
      teams.add(new Team(first.id(), first.name(), supervisors, counselors, first.version()));
    }
    return teams;
  }

  @Override
  @Transactional
  public void add(Team team) {
    kept.clear();
    Sql.update(
        jdbc.getConnection(),
        "insert into team (id, name, version) values (?, ?, 0)",
        team.id(),
        team.name());
  }

  @Override
  @Transactional
  public Team change(Team team, long version) {
    kept.clear();
    var connection = jdbc.getConnection();
    bump(team.id(), version, team.name());
    // the counselors named leave their other teams, which change too
    var counselorIds = team.counselors().stream().map(m -> m.id().value()).toArray(String[]::new);
    Sql.update(
        connection,
        "update team set version = version + 1 where id <> ? and id in (select team_id from"
            + " team_member where role = 'COUNSELOR' and user_id = any(?))",
        team.id(),
        counselorIds);
    Sql.update(
        connection,
        "delete from team_member where role = 'COUNSELOR' and user_id = any(?)",
        (Object) counselorIds);
    Sql.update(connection, "delete from team_member where team_id = ?", team.id());
    var rows = new ArrayList<Object[]>();
    for (var m : team.supervisors()) {
      rows.add(new Object[] {team.id(), m.id().value(), m.username(), "SUPERVISOR"});
    }
    for (var m : team.counselors()) {
      rows.add(new Object[] {team.id(), m.id().value(), m.username(), "COUNSELOR"});
    }
    if (!rows.isEmpty()) {
      Sql.batch(
          connection,
          "insert into team_member (team_id, user_id, username, role) values (?, ?, ?, ?)",
          rows);
    }
    return find(team.id()).orElseThrow();
  }

  private void bump(UUID id, long version, String name) {
    var changed =
        Sql.update(
            jdbc.getConnection(),
            "update team set name = ?, version = version + 1 where id = ? and version = ?",
            name,
            id,
            version);
    if (changed == 0) {
      throw new StaleVersion("the team");
    }
  }

  @Override
  @Transactional
  public void remove(UUID id, long version) {
    kept.clear();
    var removed =
        Sql.update(
            jdbc.getConnection(), "delete from team where id = ? and version = ?", id, version);
    if (removed == 0) {
      throw new StaleVersion("the team");
    }
  }
}
