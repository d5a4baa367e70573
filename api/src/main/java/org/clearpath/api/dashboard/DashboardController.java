package org.clearpath.api.dashboard;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.dashboard.OfficeStatistics;
import org.clearpath.domain.dashboard.WatchingTheOffice;

/** The supervisor dashboard's figures: SQL aggregates, a few hundred numbers at most. */
@Controller("/api/dashboard")
@Tag(name = "dashboard")
public class DashboardController {
  private final WatchingTheOffice office;
  private final StageSettings settings;
  private final Clock clock;
  private final org.clearpath.domain.day.DayQueue queue;
  private final org.clearpath.domain.supervision.ReviewIntervals intervals;
  private final org.clearpath.domain.shared.Oversight oversight;

  DashboardController(
      WatchingTheOffice office,
      StageSettings settings,
      Clock clock,
      org.clearpath.domain.day.DayQueue queue,
      org.clearpath.domain.supervision.ReviewIntervals intervals,
      org.clearpath.domain.shared.Oversight oversight) {
    this.oversight = oversight;
    this.office = office;
    this.settings = settings;
    this.clock = clock;
    this.queue = queue;
    this.intervals = intervals;
  }

  @Factory
  static class Configuration {
    @Singleton
    WatchingTheOffice watchingTheOffice(OfficeStatistics statistics, CaseFiles caseFiles) {
      return new WatchingTheOffice(statistics, caseFiles);
    }
  }

  @Serdeable
  public record StageDayView(String day, String stage, int cases) {}

  @Serdeable
  public record WeekView(String week, String stage, int cases) {}

  @Serdeable
  public record LenderView(@Nullable String lender, @Nullable String agency, int flags) {}

  @Serdeable
  public record PlansView(int kept, int onTrack, int missed, int broken) {}

  @Serdeable
  public record WorkloadView(String counselorName, String stage, long cases) {}

  @Serdeable
  public record DashboardView(
      String from,
      String to,
      List<StageDayView> stagesByDay,
      List<WeekView> entriesByWeek,
      List<LenderView> flagsByLender,
      PlansView plans,
      List<WorkloadView> workload,
      @io.swagger.v3.oas.annotations.media.Schema(
              description =
                  "open cases (of the supervisor's teams) whose review was due before today",
              requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED)
          int reviewsOverdue) {}

  @Operation(
      summary =
          "Supervisors: cases per stage on each of the last days (default 90, 7 to 365), entries"
              + " into late and legal per week, open flags per lender and agency, plan outcomes,"
              + " and cases per counselor and stage")
  @Get("{?days}")
  // each figure is its own statement over the office and needs no moment shared with the
  // others: one connection, no transaction
  @io.micronaut.data.connection.annotation.Connectable
  @Secured(Roles.SUPERVISOR)
  public DashboardView figures(@QueryValue @Nullable String days, Authentication auth) {
    var actor = Principals.actor(auth);
    var span = Inputs.wholeNumber("days", days, 7, 365, WatchingTheOffice.DEFAULT_DAYS);
    var f = office.figures(actor, settings.today(clock), span);
    return new DashboardView(
        f.from().toString(),
        f.to().toString(),
        f.stagesByDay().stream()
            .map(s -> new StageDayView(s.day().toString(), s.stage().name(), s.cases()))
            .toList(),
        f.entriesByWeek().stream()
            .map(w -> new WeekView(w.week().toString(), w.stage().name(), w.cases()))
            .toList(),
        f.flagsByLender().stream()
            .map(l -> new LenderView(l.lender(), l.agency(), l.flags()))
            .toList(),
        new PlansView(
            f.plans().kept(), f.plans().onTrack(), f.plans().missed(), f.plans().broken()),
        f.workload().stream()
            .map(w -> new WorkloadView(w.counselorName(), w.stage().name(), w.cases()))
            .toList(),
        queue
            .reviewsDue(oversight.reachOf(actor), settings.today(clock).minusDays(1), intervals, 0)
            .total());
  }
}
