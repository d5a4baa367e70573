package org.clearpath.domain.evidence;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;

/**
 * An evidence file as it arrived: its name, the media type its content showed, its size and its
 * SHA-256 (hex) taken on arrival; optionally the contact entry it belongs to.
 */
public record EvidenceFile(
    UUID id,
    CaseId caseId,
    UUID contactId,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    String description,
    Source source,
    UserId uploadedBy,
    String uploadedByName,
    Instant uploadedAt) {

  /** Who brought it in: staff, or the client through their portal. */
  public enum Source {
    STAFF,
    CLIENT
  }

  public EvidenceFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(uploadedBy, "uploadedBy");
    Objects.requireNonNull(uploadedByName, "uploadedByName");
    Objects.requireNonNull(uploadedAt, "uploadedAt");
  }
}
