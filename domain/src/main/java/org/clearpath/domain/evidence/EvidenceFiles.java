package org.clearpath.domain.evidence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;

/**
 * Where evidence files and their content are kept (PostgreSQL, or an object store). Files are never
 * changed or deleted once stored. Implemented in persistence.
 */
public interface EvidenceFiles {

  void store(EvidenceFile file, byte[] content);

  Optional<EvidenceFile> find(UUID id);

  List<EvidenceFile> ofCase(CaseId caseId);

  /** The bytes as stored now, which {@link HandlingEvidence} checks against the arrival hash. */
  byte[] content(UUID id);
}
