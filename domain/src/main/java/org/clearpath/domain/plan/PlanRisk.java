package org.clearpath.domain.plan;

import java.time.LocalDate;
import java.util.Optional;

/** A line on the supervisor's risk list: a plan with unpaid missed instalments, or a broken one. */
public record PlanRisk(
    Plan plan,
    String clientName,
    String counselorName,
    int missedUnpaid,
    Optional<LocalDate> oldestMissedDue,
    org.clearpath.domain.shared.Money unpaid) {}
