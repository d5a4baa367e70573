package org.clearpath.persistence.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@MappedEntity("audit_entry")
record AuditRow(
    @Id @GeneratedValue @Nullable Long id,
    UUID caseId,
    String actorId,
    String actorName,
    String action,
    @TypeDef(type = DataType.JSON) Map<String, String> details,
    Instant at) {}
