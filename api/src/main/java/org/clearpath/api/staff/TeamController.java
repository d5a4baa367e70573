package org.clearpath.api.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.staff.ManagingTeams;
import org.clearpath.domain.staff.Team;

/**
 * The office's teams (admins): who leads each (supervisors) and who is in it (counselors, one team
 * each). A supervisor sees the cases of their teams and of counselors in no team; a director every
 * case. Audited in the office audit.
 */
@Controller("/api/teams")
@Tag(name = "staff")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TeamController {
  private final ManagingTeams teams;

  TeamController(ManagingTeams teams) {
    this.teams = teams;
  }

  @Serdeable
  public record MemberView(String id, String username) {}

  @Serdeable
  public record TeamView(
      String id,
      String name,
      List<MemberView> supervisors,
      List<MemberView> counselors,
      long version) {
    static TeamView of(Team team) {
      return new TeamView(
          team.id().toString(),
          team.name(),
          members(team.supervisors()),
          members(team.counselors()),
          team.version());
    }

    private static List<MemberView> members(List<Team.Member> members) {
      return members.stream().map(m -> new MemberView(m.id().value(), m.username())).toList();
    }
  }

  @Serdeable
  public record NewTeam(@Nullable String name) {}

  @Serdeable
  public record TeamChange(
      @Nullable String name,
      @Nullable List<String> supervisors,
      @Nullable List<String> counselors,
      @Nullable Long version) {}

  @Operation(summary = "Every team with its supervisors and counselors (admins)")
  @Get
  @Secured(Roles.ADMIN)
  public List<TeamView> all(Authentication auth) {
    return teams.all(Principals.actor(auth)).stream().map(TeamView::of).toList();
  }

  @Operation(summary = "A new team, without members yet (admins)")
  @Post
  @Secured(Roles.ADMIN)
  public HttpResponse<TeamView> create(@Body @Nullable NewTeam request, Authentication auth) {
    var actor = Principals.actor(auth);
    return HttpResponse.created(
        TeamView.of(teams.create(actor, request == null ? null : request.name())));
  }

  @Operation(
      summary =
          "The team's name, supervisors and counselors (a counselor named here leaves their other"
              + " team); 409 when someone changed it meanwhile (admins)")
  @Put("/{id}")
  @Secured(Roles.ADMIN)
  public TeamView change(
      @PathVariable String id, @Body @Nullable TeamChange request, Authentication auth) {
    var actor = Principals.actor(auth);
    var teamId = Inputs.pathId("team", id);
    if (request == null) {
      throw new InvalidInput("version", "the version you saw", Message.of("input.required"));
    }
    var version = Inputs.version(request.version());
    return TeamView.of(
        teams.change(
            actor,
            teamId,
            request.name(),
            users("supervisors", request.supervisors()),
            users("counselors", request.counselors()),
            version));
  }

  @Operation(summary = "Remove a team: its counselors are in no team afterwards (admins)")
  @Delete("/{id}{?version}")
  @Secured(Roles.ADMIN)
  public HttpResponse<Void> remove(
      @PathVariable String id, @QueryValue @Nullable String version, Authentication auth) {
    var actor = Principals.actor(auth);
    var teamId = Inputs.pathId("team", id);
    if (version == null || version.isBlank()) {
      throw new InvalidInput("version", "the version you saw", Message.of("input.required"));
    }
    var seen = Inputs.wholeNumber("version", version, 0, Integer.MAX_VALUE, 0);
    teams.remove(actor, teamId, seen);
    return HttpResponse.noContent();
  }

  private static List<UserId> users(String field, @Nullable List<String> ids) {
    if (ids != null && ids.size() > 500) {
      throw new InvalidInput(
          field, "at most 500 people", Message.of("input.max-items", "max", 500));
    }
    return Inputs.uuids(field, ids).stream().map(id -> new UserId(id.toString())).toList();
  }
}
