package org.clearpath.domain.day;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.clearpath.domain.shared.CaseId;

/**
 * One thing to act on, on one case: the day it is about (due, reported, last contact) and what the
 * UI needs to say it (an amount, a kind, a rule), as parameters.
 */
public record DayItem(
    CaseId caseId,
    String clientName,
    String counselorName,
    LocalDate on,
    Map<String, String> params) {
  public DayItem {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(clientName, "clientName");
    params = Map.copyOf(params);
  }
}
