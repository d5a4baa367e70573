package org.clearpath.domain.harassment;

import java.util.List;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.evidence.HandlingEvidence.Download;

/**
 * Everything a complaint rests on: its text, the flags, the contact entries they name and the files
 * with the hashes taken on arrival, each checked again as the bundle is put together.
 */
public record EvidenceBundle(
    Complaint complaint,
    ComplaintBody body,
    CaseFile caseFile,
    List<Flag> flags,
    List<ContactEntry> entries,
    List<Download> files) {
  public EvidenceBundle {
    flags = List.copyOf(flags);
    entries = List.copyOf(entries);
    files = List.copyOf(files);
  }

  /** Files whose content no longer matches their arrival hash. */
  public List<Download.Tampered> tampered() {
    return files.stream()
        .filter(Download.Tampered.class::isInstance)
        .map(Download.Tampered.class::cast)
        .toList();
  }
}
