package org.clearpath.domain.harassment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.UserId;

/**
 * A flag of harassing collection on a case. It gathers its evidence (contact entries and files) and
 * can become a complaint. Raised from a rule's finding ({@code rule} and {@code findingKey} set),
 * by the counselor by hand, or reported by the client. A flag from a finding has the finding's
 * description as a code with parameters too; one described by a person keeps their words (code
 * {@code flag.text}).
 */
public record Flag(
    UUID id,
    CaseId caseId,
    FlagKind kind,
    Source source,
    String rule,
    String findingKey,
    String description,
    Message why,
    LocalDate from,
    LocalDate to,
    List<UUID> contactIds,
    List<UUID> evidenceIds,
    Status status,
    String dismissReason,
    UserId raisedBy,
    String raisedByName,
    Instant raisedAt,
    long version) {

  /** The code of a description written by a person (shown as written). */
  public static final Message WRITTEN = Message.of("flag.text");

  public enum Source {
    DETECTED,
    COUNSELOR,
    CLIENT
  }

  public enum Status {
    OPEN,
    DISMISSED
  }

  public Flag {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(why, "why");
    contactIds = List.copyOf(contactIds);
    evidenceIds = List.copyOf(evidenceIds);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(raisedBy, "raisedBy");
    Objects.requireNonNull(raisedByName, "raisedByName");
    Objects.requireNonNull(raisedAt, "raisedAt");
  }
}
