package org.clearpath.persistence.casefile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("case_file")
record CaseFileRow(
    @Id UUID id,
    String clientName,
    String counselorId,
    String counselorName,
    @Nullable String clientLoginId,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String idNumber,
    @Nullable String householdNotes,
    @Nullable String clientZone,
    String status,
    @Nullable String statusReason,
    String stage,
    Instant openedAt,
    @Version Long version) {}
