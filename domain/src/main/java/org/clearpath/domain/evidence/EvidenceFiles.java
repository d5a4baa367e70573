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

  /**
   * Reads {@code content} to its end and keeps it, in pieces sealed under the case's key, for the
   * file {@code fileId} of {@code caseId} that {@link #store} describes later in the same
   * transaction (else the transaction fails at commit).
   *
   * @return how many bytes it kept
   */
  long storeContent(CaseId caseId, UUID fileId, java.io.InputStream content);

  /** The description of a file whose content was stored in this transaction. */
  void store(EvidenceFile file);

  Optional<EvidenceFile> find(UUID id);

  List<EvidenceFile> ofCase(CaseId caseId);

  /**
   * The bytes as stored now, which {@link HandlingEvidence} checks against the arrival hash: read
   * piece by piece as the stream is read, inside a transaction or without one (a download still
   * being sent after its request's transaction ended). Empty if nothing is stored.
   */
  java.io.InputStream content(UUID id);

  /**
   * Thrown while {@link #content} is read when stored bytes no longer open under their key: they
   * were changed behind the application's back.
   */
  final class Unopenable extends RuntimeException {
    public Unopenable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
