package org.clearpath.domain.harassment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.debt.LenderKind;
import org.junit.jupiter.api.Test;

/** An office's packs in its configuration, as YAML hands them over: maps, lists and scalars. */
class PackDefinitionsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private int ids;

  private static Map<String, Object> citation() {
    var c = new HashMap<String, Object>();
    c.put("document", "《金融机构个人消费类贷款催收工作指引》");
    c.put("document-en", "Guidelines on the Collection of Personal Consumer Loans");
    c.put("issuer", "中国银行业协会");
    c.put("issuer-en", "China Banking Association");
    c.put("date", "2026-12-01");
    c.put("checked", true);
    return c;
  }

  /** CBA-2026 version 2 from 2027-01-01: at most 5 unanswered attempts a day, article given. */
  private static Map<String, Object> cbaVersion2() {
    var pack = new HashMap<String, Object>();
    pack.put("id", "CN-CBA-2026");
    pack.put("version", 2);
    pack.put("jurisdiction", "cn");
    pack.put(
        "effective-from", java.util.Date.from(java.time.Instant.parse("2027-01-01T00:00:00Z")));
    pack.put("citation", citation());
    var quiet = new HashMap<String, Object>();
    quiet.put("id", "cn.quiet-hours");
    quiet.put("type", "quiet-hours");
    quiet.put("start", 1320); // an unquoted 22:00, as YAML 1.1 reads it
    quiet.put("end", "08:00");
    var attempts = new HashMap<String, Object>();
    attempts.put("id", "cn.calls-per-day");
    attempts.put("type", "unanswered-calls-per-number");
    attempts.put("max-per-day", 5);
    attempts.put("citation", Map.of("article", "第十二条"));
    pack.put("rules", List.of(quiet, attempts));
    return pack;
  }

  private CollectionContact unanswered(String localTime) {
    return new CollectionContact(
        "e" + (++ids),
        LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant(),
        SHANGHAI,
        Direction.INBOUND,
        Channel.PHONE,
        Party.CLIENT,
        "138",
        "d-B",
        false,
        "B",
        "某银行",
        LenderKind.BANK_CARD);
  }

  private List<CollectionContact> attemptsOn(String day, int count) {
    var calls = new ArrayList<CollectionContact>();
    for (int i = 0; i < count; i++) {
      calls.add(unanswered(day + "T1" + i + ":00:00"));
    }
    return calls;
  }

  @Test
  void packs_that_judge_alike_have_one_fingerprint_and_other_packs_or_another_office_another() {
    var shipped = RulePacks.shipped("CN").fingerprint();
    // made again (the governing's map in another order inside the JVM), the same
    assertThat(
            new RulePacks(
                    RulePacks.shippedPacks().reversed(),
                    new java.util.HashMap<>(RulePacks.shippedGoverning()),
                    "CN")
                .fingerprint())
        .isEqualTo(shipped)
        .matches("[0-9a-f]{64}");
    assertThat(PackDefinitions.apply(List.of(), null, "CN").fingerprint()).isEqualTo(shipped);
    assertThat(PackDefinitions.apply(List.of(cbaVersion2()), null, "CN").fingerprint())
        .isNotEqualTo(shipped);
    assertThat(RulePacks.shipped("US").fingerprint()).isNotEqualTo(shipped);
  }

  @Test
  void a_new_version_ends_the_open_one_the_day_before_and_judges_contacts_from_its_first_day() {
    var packs = PackDefinitions.apply(List.of(cbaVersion2()), null, "CN");
    var versions = packs.packs().stream().filter(p -> p.id().equals("CN-CBA-2026")).toList();
    assertThat(versions).extracting(RulePack::version).containsExactly(1, 2);
    assertThat(versions.getFirst().effectiveUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(versions.get(1).effectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));

    // six unanswered attempts on the last day of version 1 pass, on the first day of 2 they do not
    assertThat(packs.findIn("CN", attemptsOn("2026-12-31", 6))).isEmpty();
    assertThat(packs.findIn("CN", attemptsOn("2027-01-01", 5))).isEmpty();
    var found = packs.findIn("CN", attemptsOn("2027-01-02", 6));
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("cn.calls-per-day");
              assertThat(f.packVersion()).isEqualTo(2);
              assertThat(f.citation().article()).isEqualTo("第十二条");
              assertThat(f.citation().checked()).isTrue();
            });
    var quiet = (Rule.QuietHours) versions.get(1).rules().getFirst().rule();
    assertThat(quiet.start()).isEqualTo(LocalTime.of(22, 0));
    assertThat(quiet.startInclusive()).isTrue();
  }

  @Test
  void a_pack_with_a_shipped_id_and_version_replaces_it_and_governing_is_per_jurisdiction() {
    var uk = new HashMap<String, Object>();
    uk.put("id", "UK-CONC-7.9");
    uk.put("version", 1);
    uk.put("jurisdiction", "UK");
    uk.put("effective-from", "2014-04-01");
    uk.put("citation", citation());
    uk.put(
        "rules",
        List.of(
            Map.of(
                "id",
                "uk.conc.unreasonable-hours",
                "type",
                "quiet-hours",
                "start",
                "20:00",
                "start-inclusive",
                false,
                "end",
                "09:00")));
    var governing =
        List.of(
            Map.of(
                "jurisdiction",
                "cn",
                "online-platform",
                List.of("CN-NIFA-2024"),
                "otherwise",
                "CN-CBA-2026"));
    var packs = PackDefinitions.apply(List.of(uk), governing, "UK");
    var replaced = packs.packs().stream().filter(p -> p.id().equals("UK-CONC-7.9")).toList();
    assertThat(replaced).singleElement().satisfies(p -> assertThat(p.rules()).hasSize(1));
    assertThat(packs.office()).isEqualTo("UK");
    assertThat(packs.governing().get("CN").of(LenderKind.ONLINE_PLATFORM))
        .containsExactly("CN-NIFA-2024");
    assertThat(packs.governing().get("CN").of(LenderKind.BANK_CARD)).containsExactly("CN-CBA-2026");
    assertThat(packs.governing().get("US").otherwise()).containsExactly("US-REGF");
  }

  private static void refused(Map<String, Object> pack, String name, String field) {
    refused(List.of(pack), null, name, field);
  }

  private static void refused(List<?> packs, List<?> governing, String name, String field) {
    assertThatThrownBy(() -> PackDefinitions.apply(packs, governing, "CN"))
        .isInstanceOfSatisfying(
            RulePack.Invalid.class,
            e -> {
              assertThat(e.pack()).isEqualTo(name);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).contains(name).contains(field);
            });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> rule(Map<String, Object> pack, int index) {
    var rules = new ArrayList<>((List<Map<String, Object>>) pack.get("rules"));
    var copy = new HashMap<>(rules.get(index));
    rules.set(index, copy);
    pack.put("rules", rules);
    return copy;
  }

  @Test
  void an_invalid_pack_is_refused_naming_the_pack_and_the_field() {
    var pack = cbaVersion2();
    rule(pack, 1).put("max-per-day", "many");
    refused(pack, "CN-CBA-2026 v2", "rules[1].max-per-day");

    pack = cbaVersion2();
    rule(pack, 1).put("max-per-day", 0);
    refused(pack, "CN-CBA-2026 v2", "rules[1].max-per-day");

    pack = cbaVersion2();
    rule(pack, 0).put("type", "loud-hours");
    refused(pack, "CN-CBA-2026 v2", "rules[0].type");

    pack = cbaVersion2();
    rule(pack, 0).put("stat", "21:00");
    refused(pack, "CN-CBA-2026 v2", "rules[0].stat");

    pack = cbaVersion2();
    rule(pack, 0).put("end", "8 o'clock");
    refused(pack, "CN-CBA-2026 v2", "rules[0].end");

    pack = cbaVersion2();
    ((Map<String, Object>) pack.get("citation")).remove("issuer-en");
    refused(pack, "CN-CBA-2026 v2", "rules[0].citation.issuer-en");

    pack = cbaVersion2();
    pack.put("effective-from", "next year");
    refused(pack, "CN-CBA-2026 v2", "effective-from");

    pack = cbaVersion2();
    pack.put("rules", List.of());
    refused(pack, "CN-CBA-2026 v2", "rules");

    pack = cbaVersion2();
    pack.put("jurisdiction", "US");
    refused(pack, "CN-CBA-2026 v2", "jurisdiction");

    pack = cbaVersion2();
    pack.remove("id");
    refused(pack, "packs[0]", "id");

    refused(
        List.of(cbaVersion2()),
        List.of(Map.of("jurisdiction", "CN", "pawn-shop", List.of("CN-CBA-2026"))),
        "(governing CN)",
        "pawn-shop");
    refused(
        List.of(),
        List.of(Map.of("jurisdiction", "CN", "otherwise", List.of("CN-XYZ"))),
        "CN-XYZ",
        "id");
    refused(
        List.of(),
        List.of(Map.of("otherwise", List.of("CN-CBA-2026"))),
        "(governing[0])",
        "jurisdiction");
  }
}
