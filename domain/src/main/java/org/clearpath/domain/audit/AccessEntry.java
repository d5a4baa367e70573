package org.clearpath.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.clearpath.domain.shared.CaseId;

/**
 * Someone looked at sensitive data of a case (the client record, the contact log, the budget, a CSV
 * export, a search by phone or ID number, the calendar feed), or tried to reach the case and was
 * refused. {@code what} is a code (see {@link Access}); {@code actorId} is a user id, or {@code
 * calendar-feed} for a fetch of the client's private feed.
 */
public record AccessEntry(
    CaseId caseId,
    String actorId,
    String actorName,
    String what,
    boolean denied,
    Map<String, String> details,
    Instant at) {
  public AccessEntry {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(actorName, "actorName");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(at, "at");
    details = Map.copyOf(details);
  }

  /** What was read or refused: the codes the UI translates. */
  public static final class Access {
    public static final String RECORD = "record";
    public static final String CONTACTS = "contacts";
    public static final String BUDGET = "budget";
    public static final String PLANS_CSV = "plans.csv";
    public static final String PAYMENTS_CSV = "payments.csv";

    /** Found by a search for a phone or ID number (the number itself is not kept). */
    public static final String SEARCH_NUMBER = "search.number";

    public static final String CALENDAR_FEED = "calendar-feed";

    /** Everything held about the client, exported as one ZIP. */
    public static final String EXPORT = "export";

    /** Refused: the case is not theirs to see (they were told it does not exist). */
    public static final String CASE = "case";

    /** Refused: they may see the case but not change it. */
    public static final String CHANGE = "change";

    /** Refused: the client asked for staff-only parts (record, audit trail, checklist, …). */
    public static final String INTERNALS = "internals";

    private Access() {}
  }
}
