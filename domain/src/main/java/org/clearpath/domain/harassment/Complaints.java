package org.clearpath.domain.harassment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;

/** Complaints and their lifecycle. Implemented in persistence. */
public interface Complaints {

  void add(Complaint complaint);

  Optional<Complaint> find(UUID id);

  List<Complaint> ofCase(CaseId caseId);

  /** Stores the changed complaint if it is still at its version; StaleVersion otherwise. */
  void update(Complaint changed);

  /**
   * One page of the complaints not yet closed, with their case's client and counselor: drafts
   * waiting for review first, then those whose answer is overdue on {@code today}, then the rest,
   * oldest first; only the cases within reach.
   */
  List<InQueue> open(
      org.clearpath.domain.shared.Reach reach, LocalDate today, int offset, int limit);

  /** How many complaints within reach are not yet closed. */
  int countOpen(org.clearpath.domain.shared.Reach reach);

  record InQueue(Complaint complaint, String clientName, UserId counselor, String counselorName) {}
}
