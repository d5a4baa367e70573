package org.clearpath.domain.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clearpath.domain.shared.CaseId;

/** Every case review, append-only; adding one moves its case's next review. In persistence. */
public interface CaseReviews {

  void add(CaseReview review);

  /** A case's reviews, newest first. */
  List<CaseReview> ofCase(CaseId caseId);

  /** When the case was last reviewed, or opened when never. */
  Optional<Instant> reviewBase(CaseId caseId);
}
