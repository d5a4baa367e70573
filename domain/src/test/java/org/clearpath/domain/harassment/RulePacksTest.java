package org.clearpath.domain.harassment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.debt.LenderKind;
import org.junit.jupiter.api.Test;

class RulePacksTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final RulePacks china = RulePacks.shipped("CN");
  private int ids;

  private CollectionContact call(
      String localTime,
      ZoneId zone,
      String number,
      boolean connected,
      String lender,
      LenderKind kind) {
    return new CollectionContact(
        "e" + (++ids),
        LocalDateTime.parse(localTime).atZone(zone).toInstant(),
        zone,
        Direction.INBOUND,
        Channel.PHONE,
        Party.CLIENT,
        number,
        "d-" + lender,
        connected,
        lender,
        "贷款机构 " + lender,
        kind);
  }

  private CollectionContact onlineCall(String localTime, String number, boolean connected) {
    return call(localTime, SHANGHAI, number, connected, "L1", LenderKind.ONLINE_PLATFORM);
  }

  private List<String> rules(List<Finding> findings) {
    return findings.stream().map(f -> f.pack() + ":" + f.rule()).toList();
  }

  @Test
  void three_connected_calls_a_day_from_one_lender_pass_under_nifa_and_the_fourth_is_a_finding() {
    var calls = new ArrayList<CollectionContact>();
    // one lender, its agencies on three numbers
    for (int i = 0; i < 3; i++) {
      calls.add(onlineCall("2026-11-20T1" + i + ":00:00", "95" + i, true));
    }
    assertThat(rules(china.findIn("CN", calls))).isEmpty();
    calls.add(onlineCall("2026-11-20T21:59:00", "958", true));
    var found = china.findIn("CN", calls);
    assertThat(rules(found)).containsExactly("CN-NIFA-2024:cn.nifa.connected-calls");
    var finding = found.getFirst();
    assertThat(finding.entryIds()).hasSize(4);
    assertThat(finding.packVersion()).isEqualTo(1);
    assertThat(finding.citation().document()).isEqualTo("《互联网金融贷后催收业务指引》");
    assertThat(finding.citation().date()).isEqualTo(LocalDate.of(2024, 5, 15));
    assertThat(finding.why().params()).containsEntry("lender", "贷款机构 L1").containsEntry("max", "3");
  }

  @Test
  void connected_calls_are_counted_per_lender_and_per_local_day_across_midnight() {
    var calls = new ArrayList<CollectionContact>();
    for (int i = 0; i < 3; i++) {
      calls.add(onlineCall("2026-11-20T1" + i + ":00:00", "950", true));
    }
    // the fourth from another lender, the fifth after local midnight: no day has four of one lender
    calls.add(call("2026-11-20T19:00:00", SHANGHAI, "950", true, "L2", LenderKind.ONLINE_PLATFORM));
    calls.add(onlineCall("2026-11-21T08:00:00", "950", true));
    assertThat(rules(china.findIn("CN", calls))).isEmpty();
    // 23:30 in New York on the 20th is the 21st in Shanghai: for a client in New York it is the
    // 20th
    var newYork = new ArrayList<CollectionContact>();
    for (int i = 0; i < 3; i++) {
      newYork.add(
          call(
              "2026-11-20T1" + i + ":00:00",
              NEW_YORK,
              "950",
              true,
              "L1",
              LenderKind.ONLINE_PLATFORM));
    }
    newYork.add(
        call("2026-11-20T20:30:00", NEW_YORK, "950", true, "L1", LenderKind.ONLINE_PLATFORM));
    assertThat(rules(china.findIn("CN", newYork)))
        .containsExactly("CN-NIFA-2024:cn.nifa.connected-calls");
  }

  @Test
  void six_unanswered_attempts_to_one_number_pass_under_cba_and_connected_calls_do_not_count() {
    var calls = new ArrayList<CollectionContact>();
    for (int i = 0; i < 6; i++) {
      calls.add(
          call("2026-11-20T1" + i + ":00:00", SHANGHAI, "138", false, "B", LenderKind.BANK_CARD));
    }
    calls.add(call("2026-11-20T17:00:00", SHANGHAI, "138", true, "B", LenderKind.BANK_CARD));
    assertThat(rules(china.findIn("CN", calls))).isEmpty();
    calls.add(call("2026-11-20T18:00:00", SHANGHAI, "138", false, "B", LenderKind.BANK_CARD));
    var found = china.findIn("CN", calls);
    assertThat(rules(found)).containsExactly("CN-CBA-2026:cn.calls-per-day");
    assertThat(found.getFirst().entryIds()).hasSize(7);
    assertThat(found.getFirst().citation().issuer()).isEqualTo("中国银行业协会");
  }

  @Test
  void a_debt_is_judged_by_the_packs_its_lenders_kind_names_in_force_on_the_contacts_day() {
    var late = "2026-11-20T22:30:00";
    var online = call(late, SHANGHAI, "1", false, "L1", LenderKind.ONLINE_PLATFORM);
    var bank = call(late, SHANGHAI, "1", false, "B", LenderKind.BANK_CARD);
    var unknown = call(late, SHANGHAI, "1", false, null, null);
    assertThat(rules(china.findIn("CN", List.of(online))))
        .containsExactlyInAnyOrder(
            "CN-NIFA-2024:cn.nifa.quiet-hours", "CN-CBA-2026:cn.quiet-hours");
    assertThat(rules(china.findIn("CN", List.of(bank))))
        .containsExactly("CN-CBA-2026:cn.quiet-hours");
    assertThat(rules(china.findIn("CN", List.of(unknown))))
        .containsExactly("CN-CBA-2026:cn.quiet-hours");
    // the day before CBA-2026 came into force only NIFA-2024 governs, and only online lending
    var before = "2026-01-29T22:30:00";
    assertThat(
            rules(
                china.findIn(
                    "CN", List.of(call(before, SHANGHAI, "1", false, "B", LenderKind.BANK_CARD)))))
        .isEmpty();
    assertThat(
            rules(
                china.findIn(
                    "CN",
                    List.of(call(before, SHANGHAI, "1", false, "L1", LenderKind.ONLINE_PLATFORM)))))
        .containsExactly("CN-NIFA-2024:cn.nifa.quiet-hours");
    assertThat(
            rules(
                china.findIn(
                    "CN",
                    List.of(
                        call(
                            "2026-01-30T22:00:00",
                            SHANGHAI,
                            "1",
                            false,
                            "B",
                            LenderKind.BANK_CARD)))))
        .containsExactly("CN-CBA-2026:cn.quiet-hours");
  }

  @Test
  void the_packs_in_force_in_a_jurisdiction_are_those_governing_any_lender_on_that_day() {
    assertThat(china.inForce("CN", LocalDate.of(2026, 1, 29)))
        .containsExactly(RulePacks.CN_NIFA_2024);
    assertThat(china.inForce("CN", LocalDate.of(2026, 1, 30)))
        .containsExactlyInAnyOrder(RulePacks.CN_CBA_2026, RulePacks.CN_NIFA_2024);
    assertThat(china.inForce("US", LocalDate.of(2026, 1, 30))).containsExactly(RulePacks.US_REGF);
    assertThat(china.inForce("FR", LocalDate.of(2026, 1, 30))).isEmpty();
  }

  @Test
  void a_contact_is_judged_by_the_version_of_a_pack_in_force_on_its_day() {
    var cited = RulePacks.CN_NIFA_2024.rules().getFirst().citation();
    var v1 =
        new RulePack(
            "CN-TEST",
            1,
            "CN",
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 6, 30),
            List.of(
                new RulePack.Cited(
                    new Rule.ConnectedCallsPerLenderPerDay("cn.test.connected", 3), cited)));
    var v2 =
        new RulePack(
            "CN-TEST",
            2,
            "CN",
            LocalDate.of(2026, 7, 1),
            null,
            List.of(
                new RulePack.Cited(
                    new Rule.ConnectedCallsPerLenderPerDay("cn.test.connected", 1), cited)));
    var packs =
        new RulePacks(
            List.of(v2, v1),
            Map.of("CN", new RulePacks.Governing(Map.of(), List.of("CN-TEST"))),
            "CN");
    var june =
        List.of(
            onlineCall("2026-06-30T10:00:00", "1", true),
            onlineCall("2026-06-30T11:00:00", "1", true));
    var july =
        List.of(
            onlineCall("2026-07-01T10:00:00", "1", true),
            onlineCall("2026-07-01T11:00:00", "1", true));
    assertThat(packs.findIn("CN", june)).isEmpty();
    assertThat(packs.findIn("CN", july))
        .singleElement()
        .satisfies(f -> assertThat(f.packVersion()).isEqualTo(2));
    assertThat(
            packs
                .locate("cn.test.connected", LocalDate.of(2026, 3, 1))
                .orElseThrow()
                .pack()
                .version())
        .isEqualTo(1);
  }

  @Test
  void packs_that_do_not_fit_together_are_refused_naming_the_pack_and_the_field() {
    var cited = RulePacks.CN_NIFA_2024.rules().getFirst().citation();
    var rule = List.of(new RulePack.Cited(new Rule.ThirdPartyContact("cn.x.third-party"), cited));
    var open = new RulePack("CN-X", 1, "CN", LocalDate.of(2026, 1, 1), null, rule);
    var overlapping = new RulePack("CN-X", 2, "CN", LocalDate.of(2026, 7, 1), null, rule);
    var governing = Map.of("CN", new RulePacks.Governing(Map.of(), List.of("CN-X")));
    assertThatThrownBy(() -> new RulePacks(List.of(open, overlapping), governing, "CN"))
        .isInstanceOfSatisfying(
            RulePack.Invalid.class,
            e -> {
              assertThat(e.pack()).isEqualTo("CN-X v2");
              assertThat(e.field()).isEqualTo("effective-from");
            });
    assertThatThrownBy(
            () ->
                new RulePacks(
                    List.of(open),
                    Map.of("CN", new RulePacks.Governing(Map.of(), List.of("CN-Y"))),
                    "CN"))
        .isInstanceOfSatisfying(
            RulePack.Invalid.class, e -> assertThat(e.pack()).isEqualTo("CN-Y"));
    assertThatThrownBy(() -> new RulePacks(List.of(open), governing, "US"))
        .isInstanceOf(RulePack.Invalid.class)
        .hasMessageContaining("US");
    assertThatThrownBy(
            () ->
                new RulePack(
                    "CN-X", 1, "CN", LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1), rule))
        .isInstanceOfSatisfying(
            RulePack.Invalid.class, e -> assertThat(e.field()).isEqualTo("effective-until"));
    assertThatThrownBy(() -> new RulePack("cn x", 1, "CN", LocalDate.of(2026, 1, 1), null, rule))
        .isInstanceOfSatisfying(RulePack.Invalid.class, e -> assertThat(e.field()).isEqualTo("id"));
  }

  @Test
  void every_shipped_rule_names_its_document_and_regulation_f_its_section() {
    for (var pack : RulePacks.shippedPacks()) {
      for (var cited : pack.rules()) {
        assertThat(cited.citation().document()).isNotBlank();
        assertThat(cited.citation().checked()).isFalse();
      }
    }
    assertThat(RulePacks.US_REGF.rules().getFirst().citation().article())
        .isEqualTo("§ 1006.14(b)(2)(i)(A)");
    assertThat(RulePacks.US_REGF.rules().getFirst().citation().line(false))
        .contains("Consumer Financial Protection Bureau")
        .contains("§ 1006.14(b)(2)(i)(A)");
  }
}
