package org.clearpath.domain.erasure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Reach;

/** The requests to erase a case, and each case's legal hold. */
public interface ErasureRequests {
  /** Adds a request; {@link org.clearpath.domain.shared.StaleVersion} if one is open already. */
  void add(ErasureRequest request);

  Optional<ErasureRequest> find(UUID id);

  /** The case's open request, if any. */
  Optional<ErasureRequest> openOf(CaseId caseId);

  /** The open requests on cases within the reach, oldest first, at most {@code limit}. */
  List<ErasureRequest> open(Reach reach, int limit);

  /**
   * Stores the decision of a request read at its version; {@link
   * org.clearpath.domain.shared.StaleVersion} if it changed meanwhile.
   */
  void decide(ErasureRequest decided);

  /** The case's legal hold, if it has one. */
  Optional<LegalHold> holdOf(CaseId caseId);

  /** Puts the case on hold ({@code hold}) or lifts it ({@code null}). */
  void setHold(CaseId caseId, LegalHold hold);
}
