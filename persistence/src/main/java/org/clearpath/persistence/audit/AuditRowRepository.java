package org.clearpath.persistence.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

/** Insert and read only: the trail is append-only (the table refuses updates and deletes too). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRowRepository extends GenericRepository<AuditRow, Long> {

  AuditRow save(AuditRow row);

  List<AuditRow> findByCaseIdOrderById(UUID caseId);
}
