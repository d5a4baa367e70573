package org.clearpath.api.day;

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
import java.util.Map;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.day.DayQueue;
import org.clearpath.domain.day.DaySection;
import org.clearpath.domain.day.PlanningTheDay;

/** "My day": what a counselor (or a supervisor, across every case) should act on today. */
@Controller("/api/my-day")
@Tag(name = "my-day")
public class MyDayController {
  private final PlanningTheDay planning;
  private final StageSettings settings;
  private final Clock clock;

  MyDayController(PlanningTheDay planning, StageSettings settings, Clock clock) {
    this.planning = planning;
    this.settings = settings;
    this.clock = clock;
  }

  @Factory
  static class Configuration {
    @Singleton
    PlanningTheDay planningTheDay(
        DayQueue queue,
        Clock clock,
        org.clearpath.domain.supervision.ReviewIntervals intervals,
        org.clearpath.domain.shared.Oversight oversight) {
      return new PlanningTheDay(queue, clock, intervals, oversight);
    }
  }

  @Serdeable
  public record ItemView(
      String caseId,
      String clientName,
      String counselorName,
      @Nullable String on,
      Map<String, String> params) {}

  @Serdeable
  public record SectionView(String kind, int total, List<ItemView> items) {}

  @Serdeable
  public record MyDayView(String today, int quietDays, List<SectionView> sections) {}

  @Operation(
      summary =
          "The day's work: follow-ups due, open tasks, findings not yet flagged, client incident"
              + " reports, instalments due in 7 days, cases with no contact for quietDays (default"
              + " 14), and for supervisors complaints to review; each section has its count and"
              + " its first 20 rows")
  @Get("{?quietDays}")
  // each section is its own statement and needs no moment shared with the others: one
  // connection, no transaction
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public MyDayView myDay(@QueryValue @Nullable String quietDays, Authentication auth) {
    var actor = Principals.actor(auth);
    var days =
        Inputs.wholeNumber("quietDays", quietDays, 1, 365, PlanningTheDay.DEFAULT_QUIET_DAYS);
    var day = planning.of(actor, settings.today(clock), days);
    return new MyDayView(
        day.today().toString(),
        day.quietDays(),
        day.sections().stream().map(MyDayController::view).toList());
  }

  private static SectionView view(DaySection section) {
    return new SectionView(
        section.kind().name(),
        section.total(),
        section.items().stream()
            .map(
                i ->
                    new ItemView(
                        i.caseId().toString(),
                        i.clientName(),
                        i.counselorName(),
                        i.on() == null ? null : i.on().toString(),
                        i.params()))
            .toList());
  }
}
