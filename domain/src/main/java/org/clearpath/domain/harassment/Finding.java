package org.clearpath.domain.harassment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.clearpath.domain.shared.Message;

/**
 * What a rule found: the rule and the kind of harassment, the entries that triggered it and the
 * period (local days of the client, inclusive) it covers, with a sentence a counselor can put in a
 * complaint: in English, and as a code with parameters for any language.
 */
public record Finding(
    String rule,
    FlagKind kind,
    String description,
    Message why,
    List<String> entryIds,
    LocalDate from,
    LocalDate to) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(why, "why");
    entryIds = List.copyOf(entryIds);
    if (entryIds.isEmpty()) {
      throw new IllegalArgumentException("a finding names its entries");
    }
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /** Names this finding among a case's findings, so that it can be turned into a flag. */
  public String key() {
    return rule + "/" + from + "/" + entryIds.getFirst();
  }
}
