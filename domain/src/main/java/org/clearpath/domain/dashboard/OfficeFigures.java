package org.clearpath.domain.dashboard;

import java.time.LocalDate;
import java.util.List;
import org.clearpath.domain.casefile.StageCount;
import org.clearpath.domain.shared.Stage;

/**
 * The office over the last days: cases in each stage on each day, entries into late and legal per
 * week, flags per lender and agency, how plans fare, and each counselor's caseload by stage.
 */
public record OfficeFigures(
    LocalDate from,
    LocalDate to,
    List<StageOnDay> stagesByDay,
    List<EntriesInWeek> entriesByWeek,
    List<FlagsAgainst> flagsByLender,
    PlanOutcomes plans,
    List<StageCount> workload) {
  public OfficeFigures {
    stagesByDay = List.copyOf(stagesByDay);
    entriesByWeek = List.copyOf(entriesByWeek);
    flagsByLender = List.copyOf(flagsByLender);
    workload = List.copyOf(workload);
  }

  /** How many cases were in the stage on the day. */
  public record StageOnDay(LocalDate day, Stage stage, int cases) {}

  /** How many cases entered the stage in the week starting on the Monday {@code week}. */
  public record EntriesInWeek(LocalDate week, Stage stage, int cases) {}

  /** Flags whose contacts name this lender and agency (either may be unknown: null). */
  public record FlagsAgainst(String lender, String agency, int flags) {}

  /**
   * Plans agreed so far: completed (kept), in force with nothing missed (on track), in force with a
   * missed instalment (missed), broken.
   */
  public record PlanOutcomes(int kept, int onTrack, int missed, int broken) {}
}
