package org.clearpath.domain.harassment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.clearpath.domain.shared.Message;

/**
 * What a rule found: the rule and the kind of harassment, the entries that triggered it and the
 * period (local days of the client, inclusive) it covers, with a sentence a counselor can put in a
 * complaint: in English, and as a code with parameters for any language. Judged by a {@link
 * RulePack}, it names the pack (id and version) and the rule's citation.
 */
public record Finding(
    String rule,
    FlagKind kind,
    String description,
    Message why,
    List<String> entryIds,
    LocalDate from,
    LocalDate to,
    String pack,
    int packVersion,
    Citation citation) {

  /** A rule's finding before a pack names itself in it. */
  public Finding(
      String rule,
      FlagKind kind,
      String description,
      Message why,
      List<String> entryIds,
      LocalDate from,
      LocalDate to) {
    this(rule, kind, description, why, entryIds, from, to, null, 0, null);
  }

  /** This finding as the pack's rule with this citation found it. */
  public Finding in(RulePack judgedBy, Citation cited) {
    return new Finding(
        rule, kind, description, why, entryIds, from, to, judgedBy.id(), judgedBy.version(), cited);
  }

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
