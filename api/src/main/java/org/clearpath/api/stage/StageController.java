package org.clearpath.api.stage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.stage.StageHistory;

/** The overdue stage over time: a case's history, its stage on a day, and who entered a stage. */
@Controller("/api")
@Tag(name = "stages")
public class StageController {
  private final StageHistory history;
  private final CaseFileService cases;

  StageController(StageHistory history, CaseFileService cases) {
    this.history = history;
    this.cases = cases;
  }

  @Serdeable
  public record PeriodView(
      String stage,
      String startedOn,
      @Nullable String endedOn,
      String reason,
      org.clearpath.api.problem.MessageView why,
      boolean automatic,
      @Nullable String changedBy,
      Instant recordedAt) {}

  @Serdeable
  public record StageOn(String date, @Nullable String stage) {}

  @Serdeable
  public record EnteredCase(String id, String clientName, String counselorName, String stage) {}

  @Operation(summary = "A case's stage periods, oldest first")
  @Get("/cases/{id}/stages")
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<PeriodView> periods(@PathVariable String id, Authentication authentication) {
    var caseFile = visible(id, authentication);
    // a client reads that the counselor set a stage, not the counselor's own words or name
    var client = Principals.actor(authentication).is(org.clearpath.domain.shared.Role.CLIENT);
    return history.of(caseFile.id()).stream()
        .map(
            p -> {
              var hidden = client && !p.automatic();
              return new PeriodView(
                  p.stage().name(),
                  p.startedOn().toString(),
                  p.endedOn() == null ? null : p.endedOn().toString(),
                  hidden ? "set by the counselor" : p.reason(),
                  org.clearpath.api.problem.MessageView.of(
                      hidden
                          ? org.clearpath.domain.shared.Message.of("stage.set-by-counselor")
                          : p.why()),
                  p.automatic(),
                  hidden ? null : p.changedByName(),
                  p.recordedAt());
            })
        .toList();
  }

  @Operation(summary = "The stage a case was in on a day")
  @Get("/cases/{id}/stage-on{?date}")
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public StageOn stageOn(
      @PathVariable String id, @QueryValue @Nullable String date, Authentication authentication) {
    var caseFile = visible(id, authentication);
    var day = Inputs.date("date", date, LocalDate.now().plusYears(1));
    return new StageOn(
        day.toString(), history.stageOn(caseFile.id(), day).map(Enum::name).orElse(null));
  }

  @Operation(
      summary =
          "Cases that entered a stage between two days (inclusive), within the caller's caseload;"
              + " one page (size <= 200), X-Total-Count gives how many in all")
  @Get("/stages/entered{?stage,from,to,page,size}")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public io.micronaut.http.HttpResponse<List<EnteredCase>> entered(
      @QueryValue @Nullable String stage,
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String page,
      @QueryValue @Nullable String size,
      Authentication authentication) {
    var wanted = Inputs.oneOf("stage", stage, Stage.class);
    var latest = LocalDate.now().plusYears(1);
    var period =
        new org.clearpath.domain.casefile.CaseQuery.Entered(
            wanted, Inputs.date("from", from, latest), Inputs.date("to", to, latest));
    var query =
        org.clearpath.domain.casefile.CaseQuery.firstPage(1)
            .entering(period)
            .page(
                Inputs.wholeNumber(
                    "page", page, 0, org.clearpath.domain.casefile.CaseQuery.MAX_PAGE, 0),
                Inputs.wholeNumber(
                    "size", size, 1, org.clearpath.domain.casefile.CaseQuery.MAX_SIZE, 50));
    var found = cases.page(query, Principals.actor(authentication));
    return Inputs.paged(
        found.cases().stream()
            .map(
                c ->
                    new EnteredCase(
                        c.id().toString(),
                        c.clientName().value(),
                        c.counselorName(),
                        c.stage().name()))
            .toList(),
        found.total());
  }

  private CaseFile visible(String id, Authentication authentication) {
    return cases.get(Inputs.caseId(id), Principals.actor(authentication));
  }
}
