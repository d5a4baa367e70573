package org.clearpath.domain.dashboard;

import java.time.LocalDate;
import java.util.List;

/** Port: the aggregates behind the dashboard, each one query. */
public interface OfficeStatistics {
  List<OfficeFigures.StageOnDay> stagesByDay(LocalDate from, LocalDate to);

  List<OfficeFigures.EntriesInWeek> entriesByWeek(LocalDate from, LocalDate to);

  /** The lenders and agencies with the most flags raised from {@code from} on. */
  List<OfficeFigures.FlagsAgainst> flagsByLender(LocalDate from, int limit);

  OfficeFigures.PlanOutcomes planOutcomes();
}
