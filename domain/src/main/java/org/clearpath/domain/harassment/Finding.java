package org.clearpath.domain.harassment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a rule found: the rule, the entries that triggered it and the period (local days of the
 * client, inclusive) it covers, with a sentence a counselor can put in a complaint.
 */
public record Finding(
    String rule, String description, List<String> entryIds, LocalDate from, LocalDate to) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(description, "description");
    entryIds = List.copyOf(entryIds);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
