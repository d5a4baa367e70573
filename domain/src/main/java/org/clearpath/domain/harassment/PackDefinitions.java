package org.clearpath.domain.harassment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clearpath.domain.debt.LenderKind;

/**
 * An office's own rule packs and governing, as its configuration writes them (plain maps and lists
 * from YAML), on top of the packs Clearpath ships. Anything that cannot be used is refused with
 * {@link RulePack.Invalid} naming the pack and the field ({@code rules[1].max-per-day}).
 *
 * <ul>
 *   <li>A pack with the id and version of a shipped one replaces it.
 *   <li>A higher version of a pack whose latest version has no end ends that version the day before
 *       the new one's {@code effective-from}.
 *   <li>{@code governing} is a list: each item names a {@code jurisdiction} and the packs for each
 *       lender kind ({@code bank-card}, {@code consumer-finance}, {@code online-platform}, … or
 *       {@code otherwise}); a jurisdiction given there replaces its shipped governing.
 * </ul>
 *
 * <p>Rule types and their fields: {@code quiet-hours} (start, end, start-inclusive: default true),
 * {@code unanswered-calls-per-number} (max-per-day), {@code connected-calls-per-lender}
 * (max-per-day), {@code third-party} (locate-once: default true), {@code calls-per-debt-in-window}
 * (max-calls, days), {@code call-after-conversation} (days). A rule's citation is the pack's {@code
 * citation} with the rule's own fields over it (document, document-en, issuer, issuer-en, article,
 * date, checked).
 */
public final class PackDefinitions {
  private PackDefinitions() {}

  /** The shipped packs with the office's packs and governing applied. */
  public static RulePacks apply(List<?> packs, List<?> governing, String office) {
    var all = new ArrayList<>(RulePacks.shippedPacks());
    if (packs != null) {
      for (int i = 0; i < packs.size(); i++) {
        var pack = pack(packs.get(i), "packs[" + i + "]");
        all.removeIf(p -> p.id().equals(pack.id()) && p.version() == pack.version());
        var latest =
            all.stream()
                .filter(p -> p.id().equals(pack.id()) && p.version() < pack.version())
                .max(java.util.Comparator.comparingInt(RulePack::version));
        if (latest.isPresent()
            && latest.get().effectiveUntil() == null
            && latest.get().effectiveFrom().isBefore(pack.effectiveFrom())) {
          var earlier = latest.get();
          all.remove(earlier);
          all.add(
              new RulePack(
                  earlier.id(),
                  earlier.version(),
                  earlier.jurisdiction(),
                  earlier.effectiveFrom(),
                  pack.effectiveFrom().minusDays(1),
                  earlier.rules()));
        }
        all.add(pack);
      }
    }
    var governs = new HashMap<>(RulePacks.shippedGoverning());
    if (governing != null) {
      for (int i = 0; i < governing.size(); i++) {
        var where = "(governing[" + i + "])";
        var fields = map(governing.get(i), where, "");
        var jurisdiction = text(fields, where, "", "jurisdiction").toUpperCase(Locale.ROOT);
        fields.remove("jurisdiction");
        governs.put(jurisdiction, governing("(governing " + jurisdiction + ")", fields));
      }
    }
    return new RulePacks(all, governs, office);
  }

  private static RulePacks.Governing governing(String where, Map<String, Object> fields) {
    var byKind = new EnumMap<LenderKind, List<String>>(LenderKind.class);
    List<String> otherwise = List.of();
    for (var e : fields.entrySet()) {
      var key = e.getKey();
      var ids = strings(e.getValue(), where, key);
      if (key.equalsIgnoreCase("otherwise")) {
        otherwise = ids;
        continue;
      }
      try {
        byKind.put(LenderKind.valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_')), ids);
      } catch (IllegalArgumentException unknown) {
        throw new RulePack.Invalid(
            where,
            key,
            "is not a lender kind (one of "
                + java.util.Arrays.toString(LenderKind.values())
                + " or otherwise)");
      }
    }
    return new RulePacks.Governing(byKind, otherwise);
  }

  private static RulePack pack(Object definition, String where) {
    var fields = map(definition, where, "");
    if (fields.get("id") == null) {
      throw new RulePack.Invalid(where, "id", "is required");
    }
    var id = String.valueOf(fields.get("id")).strip();
    known(
        fields,
        id,
        "",
        "id",
        "version",
        "jurisdiction",
        "effective-from",
        "effective-until",
        "citation",
        "rules");
    var version = integer(fields, id, "", "version", 1);
    var name = id + " v" + version;
    var packCitation =
        fields.get("citation") == null
            ? Map.<String, Object>of()
            : map(fields.get("citation"), name, "citation");
    var rulesDefinition = fields.get("rules");
    if (!(rulesDefinition instanceof List<?> ruleList) || ruleList.isEmpty()) {
      throw new RulePack.Invalid(name, "rules", "must be a list of at least one rule");
    }
    var rules = new ArrayList<RulePack.Cited>();
    for (int i = 0; i < ruleList.size(); i++) {
      rules.add(rule(ruleList.get(i), name, "rules[" + i + "].", packCitation));
    }
    var jurisdiction = fields.get("jurisdiction");
    return new RulePack(
        id,
        version,
        jurisdiction == null ? null : String.valueOf(jurisdiction).toUpperCase(Locale.ROOT),
        date(fields.get("effective-from"), name, "effective-from"),
        date(fields.get("effective-until"), name, "effective-until"),
        rules);
  }

  private static RulePack.Cited rule(
      Object definition, String pack, String prefix, Map<String, Object> packCitation) {
    var fields = map(definition, pack, prefix.substring(0, prefix.length() - 1));
    var id = text(fields, pack, prefix, "id");
    var type = text(fields, pack, prefix, "type");
    Rule rule =
        switch (type) {
          case "quiet-hours" -> {
            known(
                fields, pack, prefix, "id", "type", "citation", "start", "end", "start-inclusive");
            yield new Rule.QuietHours(
                id,
                time(fields.get("start"), pack, prefix + "start"),
                bool(fields, pack, prefix, "start-inclusive", true),
                time(fields.get("end"), pack, prefix + "end"));
          }
          case "unanswered-calls-per-number" -> {
            known(fields, pack, prefix, "id", "type", "citation", "max-per-day");
            yield new Rule.UnansweredCallsPerDayToOneNumber(
                id, integer(fields, pack, prefix, "max-per-day", null));
          }
          case "connected-calls-per-lender" -> {
            known(fields, pack, prefix, "id", "type", "citation", "max-per-day");
            yield new Rule.ConnectedCallsPerLenderPerDay(
                id, integer(fields, pack, prefix, "max-per-day", null));
          }
          case "third-party" -> {
            known(fields, pack, prefix, "id", "type", "citation", "locate-once");
            yield new Rule.ThirdPartyContact(id, bool(fields, pack, prefix, "locate-once", true));
          }
          case "calls-per-debt-in-window" -> {
            known(fields, pack, prefix, "id", "type", "citation", "max-calls", "days");
            yield new Rule.CallsPerDebtInWindow(
                id,
                integer(fields, pack, prefix, "max-calls", null),
                integer(fields, pack, prefix, "days", null));
          }
          case "call-after-conversation" -> {
            known(fields, pack, prefix, "id", "type", "citation", "days");
            yield new Rule.CallAfterConversation(id, integer(fields, pack, prefix, "days", null));
          }
          default ->
              throw new RulePack.Invalid(
                  pack,
                  prefix + "type",
                  type
                      + " is not a rule type (quiet-hours, unanswered-calls-per-number,"
                      + " connected-calls-per-lender, third-party, calls-per-debt-in-window,"
                      + " call-after-conversation)");
        };
    var citation = new LinkedHashMap<>(packCitation);
    if (fields.get("citation") != null) {
      citation.putAll(map(fields.get("citation"), pack, prefix + "citation"));
    }
    return new RulePack.Cited(rule, citation(citation, pack, prefix + "citation."));
  }

  private static Citation citation(Map<String, Object> fields, String pack, String prefix) {
    known(
        fields,
        pack,
        prefix,
        "document",
        "document-en",
        "issuer",
        "issuer-en",
        "article",
        "date",
        "checked");
    var article = fields.get("article");
    return new Citation(
        text(fields, pack, prefix, "document"),
        text(fields, pack, prefix, "document-en"),
        text(fields, pack, prefix, "issuer"),
        text(fields, pack, prefix, "issuer-en"),
        article == null ? null : String.valueOf(article),
        required(date(fields.get("date"), pack, prefix + "date"), pack, prefix + "date"),
        bool(fields, pack, prefix, "checked", false));
  }

  // --- reading plain values, each refusal naming the pack and the field ---

  private static Map<String, Object> map(Object value, String pack, String field) {
    if (!(value instanceof Map<?, ?> raw)) {
      throw new RulePack.Invalid(pack, field.isEmpty() ? "(pack)" : field, "must be a mapping");
    }
    var fields = new LinkedHashMap<String, Object>();
    raw.forEach((k, v) -> fields.put(String.valueOf(k), v));
    return fields;
  }

  private static void known(Map<String, Object> fields, String pack, String prefix, String... ok) {
    var allowed = java.util.Set.of(ok);
    for (var key : fields.keySet()) {
      if (!allowed.contains(key)) {
        throw new RulePack.Invalid(
            pack, prefix + key, "is not a field here (" + String.join(", ", ok) + ")");
      }
    }
  }

  private static String text(Map<String, Object> fields, String pack, String prefix, String key) {
    var value = fields.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new RulePack.Invalid(pack, prefix + key, "is required");
    }
    return String.valueOf(value).strip();
  }

  private static int integer(
      Map<String, Object> fields, String pack, String prefix, String key, Integer otherwise) {
    var value = fields.get(key);
    if (value == null && otherwise != null) {
      return otherwise;
    }
    try {
      var n =
          value instanceof Number number
              ? number.intValue()
              : Integer.parseInt(text(fields, pack, prefix, key));
      if (n < 1 || (value instanceof Number number && number.doubleValue() != n)) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new RulePack.Invalid(pack, prefix + key, "must be a whole number of 1 or more");
    }
  }

  private static boolean bool(
      Map<String, Object> fields, String pack, String prefix, String key, boolean otherwise) {
    var value = fields.get(key);
    if (value == null) {
      return otherwise;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (String.valueOf(value).strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new RulePack.Invalid(pack, prefix + key, "must be true or false");
    };
  }

  private static LocalDate date(Object value, String pack, String field) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate day) {
      return day;
    }
    if (value instanceof java.util.Date date) {
      // YAML reads an unquoted 2026-01-30 as a timestamp at midnight UTC
      return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
    try {
      return LocalDate.parse(String.valueOf(value).strip());
    } catch (DateTimeParseException e) {
      throw new RulePack.Invalid(pack, field, "must be a date like 2026-01-30");
    }
  }

  private static <T> T required(T value, String pack, String field) {
    if (value == null) {
      throw new RulePack.Invalid(pack, field, "is required");
    }
    return value;
  }

  private static LocalTime time(Object value, String pack, String field) {
    if (value == null) {
      throw new RulePack.Invalid(pack, field, "is required");
    }
    if (value instanceof Integer minutes && minutes >= 0 && minutes < 24 * 60) {
      // YAML 1.1 reads an unquoted 22:00 as the base-60 number 1320
      return LocalTime.of(minutes / 60, minutes % 60);
    }
    try {
      return LocalTime.parse(String.valueOf(value).strip());
    } catch (DateTimeParseException e) {
      throw new RulePack.Invalid(pack, field, "must be a time like 22:00");
    }
  }

  private static List<String> strings(Object value, String pack, String field) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).map(String::strip).toList();
    }
    if (value instanceof String one && !one.isBlank()) {
      return java.util.Arrays.stream(one.split(",")).map(String::strip).toList();
    }
    throw new RulePack.Invalid(pack, field, "must be a list of pack ids");
  }
}
