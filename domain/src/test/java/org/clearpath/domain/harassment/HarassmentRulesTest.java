package org.clearpath.domain.harassment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Party;
import org.junit.jupiter.api.Test;

class HarassmentRulesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final RulePack china = RulePacks.CN_CBA_2026;
  private final RulePack us = RulePacks.US_REGF;
  private int ids;

  private CollectionContact call(
      String localTime, ZoneId zone, String number, String debt, boolean conversation) {
    return new CollectionContact(
        "e" + (++ids),
        LocalDateTime.parse(localTime).atZone(zone).toInstant(),
        zone,
        Direction.INBOUND,
        Channel.PHONE,
        Party.CLIENT,
        number,
        debt,
        conversation);
  }

  private CollectionContact call(String localTime) {
    return call(localTime, SHANGHAI, "13800138000", "d1", false);
  }

  private List<String> rulesFound(RulePack jurisdiction, List<CollectionContact> contacts) {
    return jurisdiction.findIn(contacts).stream().map(Finding::rule).toList();
  }

  @Test
  void china_quiet_hours_start_at_22_00_and_end_at_08_00_local_time() {
    assertThat(rulesFound(china, List.of(call("2026-11-20T21:59:59")))).isEmpty();
    assertThat(rulesFound(china, List.of(call("2026-11-20T22:00:00"))))
        .containsExactly("cn.quiet-hours");
    assertThat(rulesFound(china, List.of(call("2026-11-21T07:59:59"))))
        .containsExactly("cn.quiet-hours");
    assertThat(rulesFound(china, List.of(call("2026-11-21T08:00:00")))).isEmpty();
  }

  @Test
  void quiet_hours_are_the_clients_local_time_not_utc() {
    // 23:30 in Shanghai is 15:30 UTC; a client in New York at 10:30 local is fine
    var shanghai = call("2026-11-20T23:30:00", SHANGHAI, "1", "d1", false);
    var newYork = call("2026-11-20T10:30:00", NEW_YORK, "1", "d1", false);
    assertThat(rulesFound(china, List.of(shanghai))).containsExactly("cn.quiet-hours");
    assertThat(rulesFound(china, List.of(newYork))).isEmpty();
  }

  @Test
  void six_calls_a_day_to_one_number_pass_and_the_seventh_is_a_finding() {
    var calls = new ArrayList<CollectionContact>();
    for (int i = 0; i < 6; i++) {
      calls.add(call("2026-11-20T1" + i + ":00:00"));
    }
    assertThat(rulesFound(china, calls)).isEmpty();
    calls.add(call("2026-11-20T16:30:00"));
    var findings = china.findIn(calls);
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("cn.calls-per-day");
              assertThat(f.entryIds()).hasSize(7);
              assertThat(f.from()).isEqualTo(LocalDate.of(2026, 11, 20));
            });
    // spread over midnight (local), the same seven calls are two days of 4 and 3
    var overMidnight = new ArrayList<CollectionContact>();
    for (int i = 0; i < 4; i++) overMidnight.add(call("2026-11-20T21:0" + i + ":00"));
    for (int i = 0; i < 3; i++) overMidnight.add(call("2026-11-21T08:0" + i + ":00"));
    assertThat(rulesFound(china, overMidnight)).isEmpty();
  }

  @Test
  void calls_to_different_numbers_are_counted_apart_and_the_client_calling_out_never_counts() {
    var calls = new ArrayList<CollectionContact>();
    for (int i = 0; i < 7; i++) {
      calls.add(call("2026-11-20T1" + i + ":00:00", SHANGHAI, i % 2 == 0 ? "A" : "B", "d1", false));
    }
    assertThat(rulesFound(china, calls)).isEmpty();
    var outbound = new ArrayList<CollectionContact>();
    for (int i = 0; i < 8; i++) {
      var c = call("2026-11-20T1" + i + ":00:00");
      outbound.add(
          new CollectionContact(
              c.entryId(),
              c.at(),
              c.clientZone(),
              Direction.OUTBOUND,
              c.channel(),
              c.contacted(),
              c.calledNumber(),
              c.debtRef(),
              false));
    }
    outbound.add(
        new CollectionContact(
            "late",
            call("2026-11-20T23:00:00").at(),
            SHANGHAI,
            Direction.OUTBOUND,
            Channel.PHONE,
            Party.CLIENT,
            "x",
            "d1",
            false));
    assertThat(rulesFound(china, outbound)).isEmpty();
  }

  @Test
  void any_collection_contact_with_a_third_party_is_a_finding_in_china() {
    var employer =
        new CollectionContact(
            "boss",
            call("2026-11-20T10:00:00").at(),
            SHANGHAI,
            Direction.INBOUND,
            Channel.PHONE,
            Party.EMPLOYER,
            "010-1234",
            "d1",
            false);
    assertThat(china.findIn(List.of(employer)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("cn.third-party");
              assertThat(f.entryIds()).containsExactly("boss");
            });
  }

  private CollectionContact thirdParty(
      String localTime,
      Party party,
      String number,
      org.clearpath.domain.contact.ThirdPartyPurpose purpose,
      boolean askedToStop) {
    return new CollectionContact(
        "e" + (++ids),
        LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant(),
        SHANGHAI,
        Direction.INBOUND,
        Channel.PHONE,
        party,
        number,
        "d1",
        false,
        "B",
        "某银行",
        org.clearpath.domain.debt.LenderKind.BANK_CARD,
        purpose,
        askedToStop,
        null);
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(f -> f.why().code()).toList();
  }

  @Test
  void a_third_party_may_be_asked_once_where_the_client_is_but_never_told_of_the_debt() {
    var locate = org.clearpath.domain.contact.ThirdPartyPurpose.LOCATE_ONLY;
    var disclosed = org.clearpath.domain.contact.ThirdPartyPurpose.DISCLOSED_DEBT;
    var mother = thirdParty("2026-11-20T10:00:00", Party.FAMILY, "139 0000 1111", locate, false);
    var boss = thirdParty("2026-11-20T11:00:00", Party.EMPLOYER, "010-1234", locate, true);
    assertThat(china.findIn(List.of(mother, boss))).as("once each, to locate").isEmpty();

    // the same mother again (her number written differently), the employer after asking to stop
    var motherAgain = thirdParty("2026-11-21T10:00:00", Party.FAMILY, "13900001111", locate, false);
    var bossAgain = thirdParty("2026-11-22T10:00:00", Party.EMPLOYER, "010-1234", locate, false);
    var told = thirdParty("2026-11-22T12:00:00", Party.FRIEND_OR_CONTACT, "137", disclosed, false);
    var unknown = thirdParty("2026-11-22T13:00:00", Party.OTHER_THIRD_PARTY, "136", null, false);
    var found = china.findIn(List.of(mother, boss, motherAgain, bossAgain, told, unknown));
    assertThat(codes(found))
        .containsExactly(
            "finding.third-party.repeated",
            "finding.third-party.after-stop",
            "finding.third-party.disclosed",
            "finding.third-party");
    assertThat(found.getFirst().entryIds()).containsExactly(motherAgain.entryId());
    assertThat(found.getFirst().why().params()).containsEntry("party", "FAMILY");

    // the online-lending pack allows no third party at all: collect from the debtor only
    assertThat(RulePacks.CN_NIFA_2024.findIn(List.of(mother)))
        .singleElement()
        .satisfies(f -> assertThat(f.why().code()).isEqualTo("finding.third-party"));
    // a collector's text to a third party counts, the client's own call to them does not
    assertThat(
            china.findIn(
                List.of(
                    new CollectionContact(
                        "own",
                        mother.at(),
                        SHANGHAI,
                        Direction.OUTBOUND,
                        Channel.PHONE,
                        Party.FAMILY,
                        "139",
                        "d1",
                        false))))
        .isEmpty();
  }

  @Test
  void what_a_third_party_was_told_belongs_to_a_contact_with_a_third_party_only() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new org.clearpath.domain.contact.ContactDetails(
                    java.time.Instant.parse("2026-11-20T02:00:00Z"),
                    SHANGHAI,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Direction.INBOUND,
                    Channel.PHONE,
                    Party.CLIENT,
                    null,
                    false,
                    "催收来电",
                    null,
                    null,
                    org.clearpath.domain.contact.ThirdPartyPurpose.LOCATE_ONLY,
                    false))
        .isInstanceOfSatisfying(
            org.clearpath.domain.shared.InvalidInput.class,
            e -> assertThat(e.field()).isEqualTo("thirdPartyPurpose"));
  }

  @Test
  void reg_f_allows_seven_calls_in_seven_days_and_flags_the_eighth() {
    var calls = new ArrayList<CollectionContact>();
    for (int day = 1; day <= 7; day++) {
      calls.add(call("2026-11-0" + day + "T12:00:00", NEW_YORK, "1", "d1", false));
    }
    assertThat(rulesFound(us, calls)).isEmpty();
    var eighth = new ArrayList<>(calls);
    eighth.add(call("2026-11-07T13:00:00", NEW_YORK, "1", "d1", false));
    var findings = us.findIn(eighth);
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("us.regf.7-in-7");
              assertThat(f.entryIds()).hasSize(8);
              assertThat(f.from()).isEqualTo(LocalDate.of(2026, 11, 1));
              assertThat(f.to()).isEqualTo(LocalDate.of(2026, 11, 7));
            });
    // the eighth call on the eighth day is outside the window
    var nextWeek = new ArrayList<>(calls);
    nextWeek.add(call("2026-11-08T12:00:00", NEW_YORK, "1", "d1", false));
    assertThat(rulesFound(us, nextWeek)).isEmpty();
    // another debt has its own count
    var otherDebt = new ArrayList<>(calls);
    otherDebt.add(call("2026-11-07T13:00:00", NEW_YORK, "1", "d2", false));
    assertThat(rulesFound(us, otherDebt)).isEmpty();
  }

  @Test
  void reg_f_seven_day_window_follows_the_local_calendar_across_midnight() {
    var calls = new ArrayList<CollectionContact>();
    // 20:59 on Nov 1 in New York is 01:59 on Nov 2 in UTC; the window still starts Nov 1 locally
    calls.add(call("2026-11-01T20:59:00", NEW_YORK, "1", "d1", false));
    for (int i = 0; i < 6; i++)
      calls.add(call("2026-11-0" + (2 + i) + "T09:00:00", NEW_YORK, "1", "d1", false));
    calls.add(call("2026-11-07T20:00:00", NEW_YORK, "1", "d1", false));
    assertThat(us.findIn(calls)).extracting(Finding::rule).containsExactly("us.regf.7-in-7");
  }

  @Test
  void reg_f_forbids_calls_within_seven_days_of_a_conversation_counting_its_day_as_the_first() {
    var conversation = call("2026-11-01T10:00:00", NEW_YORK, "1", "d1", true);
    var sameDayLater = call("2026-11-01T15:00:00", NEW_YORK, "1", "d1", false);
    var dayFive = call("2026-11-05T10:00:00", NEW_YORK, "1", "d1", false);
    var daySeven = call("2026-11-07T20:00:00", NEW_YORK, "1", "d1", false);
    var dayEight = call("2026-11-08T08:00:00", NEW_YORK, "1", "d1", false);

    assertThat(us.findIn(List.of(conversation, daySeven)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("us.regf.after-conversation");
              assertThat(f.entryIds()).containsExactly(conversation.entryId(), daySeven.entryId());
              assertThat(f.to()).isEqualTo(LocalDate.of(2026, 11, 7));
            });
    assertThat(rulesFound(us, List.of(conversation, dayEight))).isEmpty();
    assertThat(us.findIn(List.of(conversation, sameDayLater, dayFive)))
        .singleElement()
        .satisfies(f -> assertThat(f.entryIds()).hasSize(3));
    // about another debt it is allowed
    assertThat(
            rulesFound(
                us, List.of(conversation, call("2026-11-03T10:00:00", NEW_YORK, "1", "d2", false))))
        .isEmpty();
  }

  @Test
  void us_calls_are_inconvenient_before_8_and_after_21_local_time() {
    assertThat(rulesFound(us, List.of(call("2026-11-20T21:00:00", NEW_YORK, "1", "d9", false))))
        .isEmpty();
    assertThat(rulesFound(us, List.of(call("2026-11-20T21:00:01", NEW_YORK, "1", "d9", false))))
        .containsExactly("us.inconvenient-time");
    assertThat(rulesFound(us, List.of(call("2026-11-20T07:59:59", NEW_YORK, "1", "d9", false))))
        .containsExactly("us.inconvenient-time");
    assertThat(rulesFound(us, List.of(call("2026-11-20T08:00:00", NEW_YORK, "1", "d9", false))))
        .isEmpty();
  }

  @Test
  void connected_calls_for_no_lender_written_down_count_together_and_say_so() {
    var rule = new Rule.ConnectedCallsPerLenderPerDay("x.connected", 3);
    var calls = new ArrayList<CollectionContact>();
    for (int i = 0; i < 4; i++) {
      calls.add(call("2026-11-20T1" + i + ":00:00", SHANGHAI, "13" + i, "d" + i, true));
    }
    assertThat(rule.findIn(calls))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.why().code()).isEqualTo("finding.connected-per-unknown-lender");
              assertThat(f.why().params()).doesNotContainKey("lender").containsEntry("count", "4");
            });
  }
}
