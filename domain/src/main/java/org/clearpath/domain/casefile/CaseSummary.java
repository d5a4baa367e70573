package org.clearpath.domain.casefile;

import java.time.Instant;
import java.util.Objects;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;

/**
 * A case as a caseload lists it: who, whose, where it stands. Not the client's record (phone, ID
 * number, household notes): a page of cases has no need of it, and should not carry it.
 */
public record CaseSummary(
    CaseId id,
    ClientName clientName,
    UserId counselor,
    String counselorName,
    boolean hasPortalLogin,
    CaseStatus status,
    Stage stage,
    Instant openedAt,
    long version) {

  public CaseSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(counselor, "counselor");
    Objects.requireNonNull(counselorName, "counselorName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(openedAt, "openedAt");
  }

  public static CaseSummary of(CaseFile caseFile) {
    return new CaseSummary(
        caseFile.id(),
        caseFile.clientName(),
        caseFile.counselor(),
        caseFile.counselorName(),
        caseFile.clientLogin() != null,
        caseFile.status(),
        caseFile.stage(),
        caseFile.openedAt(),
        caseFile.version());
  }
}
