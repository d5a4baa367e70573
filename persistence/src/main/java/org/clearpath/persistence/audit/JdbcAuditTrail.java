package org.clearpath.persistence.audit;

import jakarta.inject.Singleton;
import java.util.List;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;

/** {@link AuditTrail} in the append-only {@code audit_entry} table. */
@Singleton
public class JdbcAuditTrail implements AuditTrail {
  private final AuditRowRepository rows;

  JdbcAuditTrail(AuditRowRepository rows) {
    this.rows = rows;
  }

  @Override
  public void record(AuditEntry entry) {
    rows.save(
        new AuditRow(
            null,
            entry.caseId().value(),
            entry.actor().value(),
            entry.actorName(),
            entry.action(),
            entry.details(),
            entry.at()));
  }

  @Override
  public List<AuditEntry> ofCase(CaseId caseId) {
    return rows.findByCaseIdOrderById(caseId.value()).stream()
        .map(
            row ->
                new AuditEntry(
                    new CaseId(row.caseId()),
                    new UserId(row.actorId()),
                    row.actorName(),
                    row.action(),
                    row.details(),
                    row.at()))
        .toList();
  }
}
