package org.clearpath.domain.casefile;

import java.util.List;
import java.util.Optional;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;

/** All case files, as the counselling office keeps them. Implemented in {@code persistence}. */
public interface CaseFiles {

  void add(CaseFile caseFile);

  Optional<CaseFile> find(CaseId id);

  /** The cases with these ids that exist, in one read, in no particular order. */
  List<CaseFile> findAll(java.util.Collection<CaseId> ids);

  /** A counselor's caseload, newest first. */
  List<CaseFile> assignedTo(UserId counselor);

  /** The cases a client can see in their portal. */
  List<CaseFile> ofClient(UserId client);

  /** Every caseload, newest first (supervisors). */
  List<CaseFile> all();

  /** One page of cases matching the query, and how many match in all. */
  CasePage page(CaseQuery query);

  /** Cases per counselor and stage, counted by the database. */
  List<StageCount> countsByCounselorAndStage();

  /** How many cases each counselor holds that are neither resolved nor closed. */
  java.util.Map<UserId, Long> openCasesByCounselor();

  /**
   * Stores the changed case if it is still at its version; {@link
   * org.clearpath.domain.shared.StaleVersion} otherwise.
   */
  CaseFile update(CaseFile changed);
}
