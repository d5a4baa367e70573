package org.clearpath.domain.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;

/** A supervisor's review of a case. */
public record CaseReview(
    UUID id,
    CaseId caseId,
    Instant reviewedAt,
    UserId by,
    String byName,
    List<Check> checked,
    String note,
    List<Action> actions) {

  /** What a review looked at. */
  public enum Check {
    DEBTS_AND_STAGE,
    CONTACT_LOG,
    HARASSMENT,
    PLANS,
    BUDGET,
    WELLBEING,
    DOCUMENTS
  }

  /** Something the counselor is to do, by a day. */
  public record Action(String text, LocalDate dueOn) {
    public Action {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(dueOn, "dueOn");
    }
  }

  public CaseReview {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(reviewedAt, "reviewedAt");
    checked = List.copyOf(checked);
    actions = List.copyOf(actions);
  }
}
