package org.clearpath.domain.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;

/**
 * The daily watch over plans in force, over every plan at once. Implemented in persistence, set
 * based.
 *
 * <p>On day {@code today} every instalment due before today and not paid in full is marked missed
 * (so an instalment due on the 10th can be paid all day on the 10th and is missed on the 11th), and
 * the counselor gets a task for it. An agreed plan whose first instalment has fallen due becomes
 * active. A plan with more unpaid missed instalments than {@code missedAllowed} is broken: its
 * debts count with their own dues again (stage tracking resumes), and the counselor gets a task for
 * that too. Payments fill the oldest instalments first ({@link PaymentAllocation}), so an
 * instalment is unpaid when the payments made by {@code today} fall short of the running total of
 * the schedule up to it. Each change is audited, as the plan job; the plans it looks at are those
 * {@link Plans#toWatch} names, and a plan changed by someone meanwhile is left for the next run.
 * Running it again for the same day changes nothing; two runs at once do the work once.
 */
public interface WatchingPlans {
  UserId ACTOR = new UserId("system:plan-job");
  String ACTOR_NAME = "automatic plan watch";

  /** What one run changed: instalments newly missed, plans broken, and the cases of either. */
  record Run(int missed, int broken, Set<CaseId> casesChanged) {
    public Run {
      casesChanged = Set.copyOf(casesChanged);
    }
  }

  /** Watches every plan in force on {@code today}; tasks and audit entries are made {@code at}. */
  Run run(LocalDate today, int missedAllowed, Instant at);
}
