package org.clearpath.domain.harassment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpath.domain.debt.LenderKind;

/**
 * The rule packs an office judges contacts by, and which packs govern a debt in each jurisdiction,
 * by its lender's kind. A contact is judged by the packs that govern its lender's kind in the
 * case's jurisdiction, each in the version in force on the contact's day (the client's local day).
 */
public final class RulePacks {
  private final List<RulePack> packs;
  private final Map<String, Governing> governing;
  private final String office;

  /**
   * Which packs (by id) govern a debt, by its lender's kind; {@code otherwise} for other kinds and
   * contacts with no lender written down.
   */
  public record Governing(Map<LenderKind, List<String>> byKind, List<String> otherwise) {
    public Governing {
      var copy = new EnumMap<LenderKind, List<String>>(LenderKind.class);
      byKind.forEach((kind, ids) -> copy.put(kind, List.copyOf(ids)));
      byKind = java.util.Collections.unmodifiableMap(copy);
      otherwise = List.copyOf(otherwise);
    }

    public List<String> of(LenderKind kind) {
      return kind == null ? otherwise : byKind.getOrDefault(kind, otherwise);
    }
  }

  /** Where a rule of a pack comes from, for a flag raised from its finding. */
  public record Located(RulePack pack, Citation citation) {}

  /**
   * @param packs every pack, all versions
   * @param governing for each jurisdiction, which packs govern a debt by its lender's kind
   * @param office the office's jurisdiction: a case's unless it has its own
   * @throws RulePack.Invalid naming the pack and the field when they do not fit together
   */
  public RulePacks(List<RulePack> packs, Map<String, Governing> governing, String office) {
    this.packs =
        packs.stream()
            .sorted(Comparator.comparing(RulePack::id).thenComparing(RulePack::version))
            .toList();
    this.governing = Map.copyOf(governing);
    this.office = office;
    var ruleOwners = new HashMap<String, String>();
    for (int i = 0; i < this.packs.size(); i++) {
      var pack = this.packs.get(i);
      if (i > 0 && this.packs.get(i - 1).id().equals(pack.id())) {
        var earlier = this.packs.get(i - 1);
        if (earlier.version() == pack.version()) {
          throw new RulePack.Invalid(pack.id(), "version", pack.version() + " is given twice");
        }
        if (earlier.effectiveUntil() == null
            || !earlier.effectiveUntil().isBefore(pack.effectiveFrom())) {
          throw new RulePack.Invalid(
              pack.label(),
              "effective-from",
              "must come after the end of " + earlier.label() + " (give it an effective-until)");
        }
        if (!earlier.jurisdiction().equals(pack.jurisdiction())) {
          throw new RulePack.Invalid(
              pack.label(), "jurisdiction", "differs from " + earlier.label() + "'s");
        }
      }
      for (var cited : pack.rules()) {
        var owner = ruleOwners.putIfAbsent(cited.rule().id(), pack.id());
        if (owner != null && !owner.equals(pack.id())) {
          throw new RulePack.Invalid(
              pack.id(), "rules.id", cited.rule().id() + " is a rule of " + owner + " already");
        }
      }
    }
    if (!this.governing.containsKey(office)) {
      throw new RulePack.Invalid(
          "(office)", "jurisdiction", office + " has no packs governing its debts");
    }
    this.governing.forEach(
        (jurisdiction, g) -> {
          var named = new ArrayList<>(g.otherwise());
          g.byKind().values().forEach(named::addAll);
          for (var id : named) {
            var versions = this.packs.stream().filter(p -> p.id().equals(id)).toList();
            if (versions.isEmpty()) {
              throw new RulePack.Invalid(
                  id, "id", "governs debts in " + jurisdiction + " but no such pack is defined");
            }
            if (!versions.getFirst().jurisdiction().equals(jurisdiction)) {
              throw new RulePack.Invalid(
                  id,
                  "jurisdiction",
                  "is " + versions.getFirst().jurisdiction() + ", not " + jurisdiction);
            }
          }
        });
  }

  public List<RulePack> packs() {
    return packs;
  }

  public Map<String, Governing> governing() {
    return governing;
  }

  /**
   * Changed whenever the rules' code changes what they find (a rule's logic, its message): kept
   * findings judged before are judged again at the next start ({@link #fingerprint}).
   */
  static final int RULES_REVISION = 1;

  /**
   * Names these packs, their governing and the office, and the revision of the rules' code: two
   * sets of packs that judge alike have the same fingerprint (SHA-256, hex).
   */
  public String fingerprint() {
    var text = new StringBuilder("revision ").append(RULES_REVISION).append('\n');
    text.append("office ").append(office).append('\n');
    packs.forEach(pack -> text.append(pack).append('\n'));
    new java.util.TreeMap<>(governing)
        .forEach((where, g) -> text.append(where).append(' ').append(g).append('\n'));
    try {
      var digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The office's jurisdiction. */
  public String office() {
    return office;
  }

  /** The packs that govern a debt of this lender kind in this jurisdiction on this day. */
  public List<RulePack> inForce(String jurisdiction, LenderKind kind, LocalDate day) {
    var g = governing.get(jurisdiction);
    if (g == null) {
      return List.of();
    }
    var found = new ArrayList<RulePack>();
    for (var id : g.of(kind)) {
      for (var pack : packs) {
        if (pack.id().equals(id) && pack.inForceOn(day)) {
          found.add(pack);
        }
      }
    }
    return found;
  }

  /** The packs that govern some debt in this jurisdiction on this day, whatever its lender. */
  public List<RulePack> inForce(String jurisdiction, LocalDate day) {
    var found = new java.util.LinkedHashSet<>(inForce(jurisdiction, null, day));
    for (var kind : LenderKind.values()) {
      found.addAll(inForce(jurisdiction, kind, day));
    }
    return List.copyOf(found);
  }

  /**
   * What the packs find in these contacts of a case in this jurisdiction: each contact goes to the
   * packs that govern its lender's kind, in the version in force on its day.
   */
  public List<Finding> findIn(String jurisdiction, List<CollectionContact> contacts) {
    var byPack = new LinkedHashMap<RulePack, List<CollectionContact>>();
    for (var contact : contacts) {
      for (var pack : inForce(jurisdiction, contact.lenderKind(), contact.localDay())) {
        byPack.computeIfAbsent(pack, p -> new ArrayList<>()).add(contact);
      }
    }
    var found = new ArrayList<Finding>();
    byPack.forEach((pack, governed) -> found.addAll(pack.findIn(governed)));
    found.sort(
        Comparator.comparing(Finding::from)
            .thenComparing(Finding::pack)
            .thenComparing(Finding::rule)
            .thenComparing(f -> f.entryIds().getFirst()));
    return found;
  }

  /** The pack and citation of a rule, in the version in force on this day (else the latest). */
  public Optional<Located> locate(String ruleId, LocalDate day) {
    Located latest = null;
    for (var pack : packs) {
      for (var cited : pack.rules()) {
        if (cited.rule().id().equals(ruleId)) {
          var here = new Located(pack, cited.citation());
          if (day != null && pack.inForceOn(day)) {
            return Optional.of(here);
          }
          latest = here;
        }
      }
    }
    return Optional.ofNullable(latest);
  }

  // --- the packs Clearpath ships (DOMAIN.md, "Collection rules by jurisdiction") ---

  private static final Citation CBA =
      new Citation(
          "《金融机构个人消费类贷款催收工作指引（试行）》",
          "Guidelines on the Collection of Personal Consumer Loans by Financial Institutions (Trial)",
          "中国银行业协会",
          "China Banking Association",
          null,
          LocalDate.of(2026, 1, 30),
          false);
  private static final Citation NIFA =
      new Citation(
          "《互联网金融贷后催收业务指引》",
          "Guidelines on Post-Loan Collection in Internet Finance",
          "中国互联网金融协会",
          "National Internet Finance Association of China",
          null,
          LocalDate.of(2024, 5, 15),
          false);

  private static Citation regF(String section) {
    return new Citation(
        "美国联邦法规第 12 编第 1006 部分（F 条例）",
        "12 CFR Part 1006 (Regulation F)",
        "美国消费者金融保护局",
        "Consumer Financial Protection Bureau",
        "§ " + section,
        LocalDate.of(2020, 11, 30),
        false);
  }

  private static final Citation CONC =
      new Citation(
          "英国金融行为监管局手册 CONC 7.9（与客户的联系）",
          "FCA Handbook, CONC 7.9 (Contact with customers)",
          "英国金融行为监管局",
          "Financial Conduct Authority",
          "CONC 7.9",
          LocalDate.of(2014, 4, 1),
          false);

  /** 《金融机构个人消费类贷款催收工作指引（试行）》: banks and consumer-finance companies. */
  public static final RulePack CN_CBA_2026 =
      new RulePack(
          "CN-CBA-2026",
          1,
          "CN",
          LocalDate.of(2026, 1, 30),
          null,
          List.of(
              new RulePack.Cited(
                  new Rule.QuietHours(
                      "cn.quiet-hours", LocalTime.of(22, 0), true, LocalTime.of(8, 0)),
                  CBA),
              new RulePack.Cited(
                  new Rule.UnansweredCallsPerDayToOneNumber("cn.calls-per-day", 6), CBA),
              new RulePack.Cited(new Rule.ThirdPartyContact("cn.third-party"), CBA)));

  /** 《互联网金融贷后催收业务指引》: online lending. */
  public static final RulePack CN_NIFA_2024 =
      new RulePack(
          "CN-NIFA-2024",
          1,
          "CN",
          LocalDate.of(2024, 5, 15),
          null,
          List.of(
              new RulePack.Cited(
                  new Rule.QuietHours(
                      "cn.nifa.quiet-hours", LocalTime.of(22, 0), true, LocalTime.of(8, 0)),
                  NIFA),
              new RulePack.Cited(
                  new Rule.ConnectedCallsPerLenderPerDay("cn.nifa.connected-calls", 3), NIFA),
              new RulePack.Cited(new Rule.ThirdPartyContact("cn.nifa.third-party", false), NIFA)));

  /** Regulation F: call frequency, inconvenient times, third parties. */
  public static final RulePack US_REGF =
      new RulePack(
          "US-REGF",
          1,
          "US",
          LocalDate.of(2021, 11, 30),
          null,
          List.of(
              new RulePack.Cited(
                  new Rule.CallsPerDebtInWindow("us.regf.7-in-7", 7, 7),
                  regF("1006.14(b)(2)(i)(A)")),
              new RulePack.Cited(
                  new Rule.CallAfterConversation("us.regf.after-conversation", 7),
                  regF("1006.14(b)(2)(i)(B)")),
              new RulePack.Cited(
                  new Rule.QuietHours(
                      "us.inconvenient-time", LocalTime.of(21, 0), false, LocalTime.of(8, 0)),
                  regF("1006.6(b)(1)(i)")),
              new RulePack.Cited(
                  new Rule.ThirdPartyContact("us.regf.third-party"), regF("1006.6(d)"))));

  /** CONC 7.9: no numeric cap; unreasonable hours as the office sets them, third parties. */
  public static final RulePack UK_CONC_7_9 =
      new RulePack(
          "UK-CONC-7.9",
          1,
          "UK",
          LocalDate.of(2014, 4, 1),
          null,
          List.of(
              new RulePack.Cited(
                  new Rule.QuietHours(
                      "uk.conc.unreasonable-hours", LocalTime.of(21, 0), false, LocalTime.of(8, 0)),
                  CONC),
              new RulePack.Cited(new Rule.ThirdPartyContact("uk.conc.third-party"), CONC)));

  /** The shipped packs, governing as DOMAIN.md says, for an office in this jurisdiction. */
  public static RulePacks shipped(String office) {
    return new RulePacks(shippedPacks(), shippedGoverning(), office);
  }

  public static List<RulePack> shippedPacks() {
    return List.of(CN_CBA_2026, CN_NIFA_2024, US_REGF, UK_CONC_7_9);
  }

  /**
   * CN: bank cards and consumer-finance companies by CBA-2026, online lending platforms by
   * NIFA-2024 and CBA-2026, any other lender (or none written down) by CBA-2026; US and UK: their
   * one pack.
   */
  public static Map<String, Governing> shippedGoverning() {
    return Map.of(
        "CN",
        new Governing(
            Map.of(
                LenderKind.BANK_CARD, List.of("CN-CBA-2026"),
                LenderKind.CONSUMER_FINANCE, List.of("CN-CBA-2026"),
                LenderKind.ONLINE_PLATFORM, List.of("CN-NIFA-2024", "CN-CBA-2026")),
            List.of("CN-CBA-2026")),
        "US",
        new Governing(Map.of(), List.of("US-REGF")),
        "UK",
        new Governing(Map.of(), List.of("UK-CONC-7.9")));
  }
}
