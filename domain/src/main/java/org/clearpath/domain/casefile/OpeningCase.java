package org.clearpath.domain.casefile;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.NotPermitted;

/** Use case: a counselor opens a case for a new client in their own caseload. */
public final class OpeningCase {
  private final CaseFiles caseFiles;
  private final AuditTrail auditTrail;
  private final CaseAccessPolicy policy;
  private final Clock clock;
  private final Supplier<CaseId> ids;

  public OpeningCase(
      CaseFiles caseFiles,
      AuditTrail auditTrail,
      CaseAccessPolicy policy,
      Clock clock,
      Supplier<CaseId> ids) {
    this.caseFiles = caseFiles;
    this.auditTrail = auditTrail;
    this.policy = policy;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Call inside one transaction: the case and its audit entry are written together or not at all.
   */
  public CaseFile open(OpenCase command, Actor counselor) {
    if (policy.toOpenCase(counselor) instanceof CaseAccess.Denied denied) {
      throw new NotPermitted(denied.why());
    }
    var now = clock.instant();
    var caseFile =
        new CaseFile(
            ids.get(),
            command.clientName(),
            counselor.id(),
            counselor.username(),
            command.clientLogin().orElse(null),
            ClientRecord.EMPTY,
            CaseStatus.OPEN,
            null,
            org.clearpath.domain.shared.Stage.CURRENT,
            now,
            0);
    caseFiles.add(caseFile);
    var details = new java.util.LinkedHashMap<String, String>();
    details.put("clientName", caseFile.clientName().value());
    details.put("counselor", counselor.username());
    command.clientLogin().ifPresent(login -> details.put("clientLogin", login.value()));
    auditTrail.record(
        new AuditEntry(
            caseFile.id(),
            counselor.id(),
            counselor.username(),
            "case.opened",
            Map.copyOf(details),
            now));
    return caseFile;
  }
}
