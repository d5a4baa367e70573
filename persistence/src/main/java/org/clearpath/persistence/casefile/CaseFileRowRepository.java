package org.clearpath.persistence.casefile;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CaseFileRowRepository extends CrudRepository<CaseFileRow, UUID> {

  List<CaseFileRow> findByCounselorIdOrderByOpenedAtDesc(String counselorId);

  List<CaseFileRow> findByClientLoginIdOrderByOpenedAtDesc(String clientLoginId);

  List<CaseFileRow> listOrderByOpenedAtDesc();

  List<CaseFileRow> findByIdIn(java.util.Collection<UUID> ids);
}
