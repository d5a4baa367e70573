package org.clearpath.domain.staff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clearpath.domain.audit.OfficeAuditEntry;
import org.clearpath.domain.audit.OfficeAuditTrail;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.Transactions;
import org.clearpath.domain.shared.UserId;

/**
 * Use case: an admin puts staff in teams: creates, renames and removes teams, and names who leads
 * each (supervisors) and who is in it (counselors, one team each: naming one in a team moves them
 * out of the last). Every change is in the office audit, in the same transaction.
 */
public final class ManagingTeams {
  public static final int MAX_NAME = 80;

  private final Teams teams;
  private final StaffAccounts accounts;
  private final OfficeAuditTrail audit;
  private final Transactions transactions;
  private final Clock clock;

  public ManagingTeams(
      Teams teams,
      StaffAccounts accounts,
      OfficeAuditTrail audit,
      Transactions transactions,
      Clock clock) {
    this.teams = teams;
    this.accounts = accounts;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  private static void admin(Actor actor) {
    if (!actor.is(Role.ADMIN)) {
      throw new NotPermitted("teams are managed by an admin");
    }
  }

  public List<Team> all(Actor actor) {
    admin(actor);
    return transactions.readOnly(teams::all);
  }

  public Team create(Actor actor, String name) {
    admin(actor);
    var named = name(name);
    return transactions.inOne(
        () -> {
          taken(named, null);
          var team = new Team(UUID.randomUUID(), named, List.of(), List.of(), 0);
          teams.add(team);
          audited(actor, "team.created", Map.of("team", team.id().toString(), "name", named));
          return team;
        });
  }

  /**
   * The team's name, supervisors and counselors as given (each must be an active staff member with
   * that role), at {@code version}.
   */
  public Team change(
      Actor actor,
      UUID id,
      String name,
      List<UserId> supervisors,
      List<UserId> counselors,
      long version) {
    admin(actor);
    var named = name(name);
    // who they are, from the identity provider, before the transaction
    var staff =
        accounts.all().stream().collect(Collectors.toMap(StaffMember::id, m -> m, (a, b) -> a));
    var leading = members("supervisors", supervisors, Role.SUPERVISOR, staff);
    var inTeam = members("counselors", counselors, Role.COUNSELOR, staff);
    return transactions.inOne(
        () -> {
          var before = teams.find(id).orElseThrow(() -> new NotFound("team " + id));
          taken(named, id);
          var changed = teams.change(new Team(id, named, leading, inTeam, version), version);
          audited(
              actor,
              "team.changed",
              Map.of(
                  "team",
                  id.toString(),
                  "name",
                  named,
                  "was",
                  before.name(),
                  "supervisors",
                  usernames(leading),
                  "counselors",
                  usernames(inTeam)));
          return changed;
        });
  }

  /** Removes the team; its counselors are in no team afterwards (every supervisor sees them). */
  public void remove(Actor actor, UUID id, long version) {
    admin(actor);
    transactions.inOne(
        () -> {
          var team = teams.find(id).orElseThrow(() -> new NotFound("team " + id));
          teams.remove(id, version);
          audited(actor, "team.removed", Map.of("team", id.toString(), "name", team.name()));
          return null;
        });
  }

  private static String usernames(List<Team.Member> members) {
    return members.stream().map(Team.Member::username).collect(Collectors.joining(", "));
  }

  private void taken(String name, UUID except) {
    teams
        .named(name)
        .filter(other -> !other.id().equals(except))
        .ifPresent(
            other -> {
              throw new InvalidInput(
                  "name",
                  "another team has this name",
                  Message.of("refusal.team-name-taken", "name", other.name()));
            });
  }

  private static String name(String name) {
    var named = name == null ? "" : name.strip();
    if (named.isEmpty()) {
      throw new InvalidInput("name", "the team's name", Message.of("input.required"));
    }
    if (named.length() > MAX_NAME) {
      throw new InvalidInput(
          "name",
          "at most " + MAX_NAME + " characters",
          Message.of("input.max-length", "max", MAX_NAME));
    }
    return named;
  }

  private static List<Team.Member> members(
      String field, List<UserId> ids, Role role, Map<UserId, StaffMember> staff) {
    var members = new ArrayList<Team.Member>();
    for (var id : new LinkedHashSet<>(ids == null ? List.<UserId>of() : ids)) {
      var member = staff.get(id);
      if (member == null || !member.enabled() || !member.roles().contains(role)) {
        throw new InvalidInput(
            field,
            "an active " + role.claimValue(),
            Message.of(
                role == Role.SUPERVISOR
                    ? "refusal.team-needs-supervisor"
                    : "refusal.team-needs-counselor",
                "user",
                member == null ? id.value() : member.username()));
      }
      members.add(new Team.Member(member.id(), member.username()));
    }
    return members;
  }

  private void audited(Actor actor, String action, Map<String, String> details) {
    audit.record(
        new OfficeAuditEntry(actor.id(), actor.username(), action, details, clock.instant()));
  }
}
