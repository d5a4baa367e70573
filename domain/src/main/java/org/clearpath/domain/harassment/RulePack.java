package org.clearpath.domain.harassment;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A dated, versioned set of collection rules for one jurisdiction, each rule with its citation. A
 * pack is in force from {@code effectiveFrom} until {@code effectiveUntil} (both days included;
 * {@code null}: no end). A newer version of a pack has the same id, a higher version and a later
 * period: contacts are judged by the version in force on their day.
 */
public record RulePack(
    String id,
    int version,
    String jurisdiction,
    LocalDate effectiveFrom,
    LocalDate effectiveUntil,
    List<Cited> rules) {
  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9.-]{1,39}");

  /** A rule of the pack and where it comes from. */
  public record Cited(Rule rule, Citation citation) {
    public Cited {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(citation, "citation");
    }
  }

  /** Thrown for a pack that cannot be used: names the pack and the field. */
  public static final class Invalid extends IllegalArgumentException {
    private final String pack;
    private final String field;

    public Invalid(String pack, String field, String problem) {
      super("rule pack " + pack + ": " + field + " " + problem);
      this.pack = pack;
      this.field = field;
    }

    public String pack() {
      return pack;
    }

    public String field() {
      return field;
    }
  }

  public RulePack {
    var name = id == null ? "(no id)" : id;
    if (id == null || !ID.matcher(id).matches()) {
      throw new Invalid(name, "id", "must be 2-40 capital letters, digits, dots or dashes");
    }
    if (version < 1) {
      throw new Invalid(name, "version", "must be 1 or more");
    }
    if (jurisdiction == null || !jurisdiction.matches("[A-Z]{2,8}")) {
      throw new Invalid(name, "jurisdiction", "must be a code of 2-8 capital letters, e.g. CN");
    }
    if (effectiveFrom == null) {
      throw new Invalid(name, "effective-from", "is required");
    }
    if (effectiveUntil != null && effectiveUntil.isBefore(effectiveFrom)) {
      throw new Invalid(name, "effective-until", "is before effective-from");
    }
    if (rules == null || rules.isEmpty()) {
      throw new Invalid(name, "rules", "must hold at least one rule");
    }
    rules = List.copyOf(rules);
    var ruleIds = new HashSet<String>();
    for (int i = 0; i < rules.size(); i++) {
      if (!ruleIds.add(rules.get(i).rule().id())) {
        throw new Invalid(
            name, "rules[" + i + "].id", "is used twice: " + rules.get(i).rule().id());
      }
    }
  }

  /** Whether the pack is in force on this day. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(effectiveFrom) && (effectiveUntil == null || !day.isAfter(effectiveUntil));
  }

  /**
   * What the pack's rules find in these contacts, each finding naming the pack and its citation.
   */
  public List<Finding> findIn(List<CollectionContact> contacts) {
    return rules.stream()
        .flatMap(
            cited -> cited.rule().findIn(contacts).stream().map(f -> f.in(this, cited.citation())))
        .toList();
  }

  /** The pack's id with its version, as findings and complaints name it: {@code CN-CBA-2026 v1}. */
  public String label() {
    return id + " v" + version;
  }
}
