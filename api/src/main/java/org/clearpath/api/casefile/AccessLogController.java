package org.clearpath.api.casefile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.casefile.GuardedCases;

/** Who read a case's sensitive data, and who was refused it: for the case's supervisors. */
@Controller("/api/cases/{id}/access")
@Tag(name = "cases")
public class AccessLogController {
  private final GuardedCases guarded;

  AccessLogController(GuardedCases guarded) {
    this.guarded = guarded;
  }

  @Serdeable
  public record AccessView(
      String at,
      @Schema(description = "a user id, or calendar-feed for a fetch of the client's feed")
          String actorId,
      String actorName,
      @Schema(
              description =
                  "record, contacts, budget, plans.csv, payments.csv, search.number,"
                      + " calendar-feed, export; refused: case, change, internals")
          String what,
      boolean denied,
      Map<String, String> details) {}

  @Operation(
      summary =
          "Sensitive reads of the case and refused attempts, newest first (supervisors); one page"
              + " (size <= 200, default 50), X-Total-Count gives how many in all")
  @Get("{?page,size}")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public HttpResponse<List<AccessView>> list(
      @PathVariable String id,
      @QueryValue @Nullable String page,
      @QueryValue @Nullable String size,
      Authentication authentication) {
    var found =
        guarded.accessLog(
            Inputs.caseId(id),
            Principals.actor(authentication),
            Inputs.page(page),
            Inputs.size(size, 50));
    return Inputs.paged(
        found.entries().stream()
            .map(
                e ->
                    new AccessView(
                        e.at().toString(),
                        e.actorId(),
                        e.actorName(),
                        e.what(),
                        e.denied(),
                        e.details()))
            .toList(),
        found.total());
  }
}
