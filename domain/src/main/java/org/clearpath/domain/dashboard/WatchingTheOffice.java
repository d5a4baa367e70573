package org.clearpath.domain.dashboard;

import java.time.LocalDate;
import java.util.Objects;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;

/** Use case: a supervisor looks at the office over the last days (7 to 365; 90 by default). */
public final class WatchingTheOffice {
  public static final int DEFAULT_DAYS = 90;
  public static final int LENDERS = 15;

  private final OfficeStatistics statistics;
  private final CaseFiles caseFiles;

  public WatchingTheOffice(OfficeStatistics statistics, CaseFiles caseFiles) {
    this.statistics = Objects.requireNonNull(statistics, "statistics");
    this.caseFiles = Objects.requireNonNull(caseFiles, "caseFiles");
  }

  public OfficeFigures figures(Actor actor, LocalDate today, int days) {
    if (!actor.is(Role.SUPERVISOR)) {
      throw new NotPermitted("the office's figures are for supervisors");
    }
    if (days < 7 || days > 365) {
      throw new InvalidInput(
          "days",
          "a whole number from 7 to 365",
          Message.of("input.whole-number", "min", 7, "max", 365));
    }
    var from = today.minusDays(days - 1L);
    return new OfficeFigures(
        from,
        today,
        statistics.stagesByDay(from, today),
        statistics.entriesByWeek(from, today),
        statistics.flagsByLender(from, LENDERS),
        statistics.planOutcomes(),
        caseFiles.countsByCounselorAndStage());
  }
}
