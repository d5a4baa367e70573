package org.clearpath.domain.directory;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An agency or a number in the directory, with what it did across the office: how many clients it
 * reached, how many flags name its contacts and how many complaints carry those flags, and the
 * lenders it was seen for (most often first). Entries merged into it count with it.
 */
public record DirectoryEntry(
    UUID id,
    Kind kind,
    String label,
    String key,
    int clients,
    int flags,
    int complaints,
    List<String> lenders,
    long version) {

  public enum Kind {
    AGENCY,
    NUMBER
  }

  public DirectoryEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    lenders = List.copyOf(lenders);
  }
}
