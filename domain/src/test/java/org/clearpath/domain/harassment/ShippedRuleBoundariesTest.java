package org.clearpath.domain.harassment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.contact.ThirdPartyPurpose;
import org.clearpath.domain.debt.LenderKind;
import org.junit.jupiter.api.Test;

/**
 * Every shipped rule at its threshold and one past it, across the client's local midnight, and in
 * the client's own time zone (never the office's, never UTC), through the packs that govern it.
 */
class ShippedRuleBoundariesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private int ids;

  private record Call(String local, ZoneId zone, LenderKind kind) {}

  private CollectionContact contact(
      String local,
      ZoneId zone,
      LenderKind kind,
      Party party,
      String number,
      boolean conversation,
      ThirdPartyPurpose purpose) {
    return new CollectionContact(
        "e" + (++ids),
        LocalDateTime.parse(local).atZone(zone).toInstant(),
        zone,
        Direction.INBOUND,
        Channel.PHONE,
        party,
        number,
        "debt-1",
        conversation,
        "L1",
        "某贷款机构",
        kind,
        purpose,
        false,
        null);
  }

  private CollectionContact call(String local, ZoneId zone, LenderKind kind, boolean connected) {
    return contact(local, zone, kind, Party.CLIENT, "138", connected, null);
  }

  /** The findings of one rule in a jurisdiction's shipped packs. */
  private static List<Finding> found(
      String jurisdiction, String rule, List<CollectionContact> contacts) {
    return RulePacks.shipped(jurisdiction).findIn(jurisdiction, contacts).stream()
        .filter(f -> f.rule().equals(rule))
        .toList();
  }

  private List<CollectionContact> calls(
      ZoneId zone, LenderKind kind, boolean connected, String... locals) {
    var calls = new ArrayList<CollectionContact>();
    for (var local : locals) {
      calls.add(call(local, zone, kind, connected));
    }
    return calls;
  }

  private static String[] hourly(String day, int from, int count) {
    var times = new String[count];
    for (int i = 0; i < count; i++) {
      times[i] = day + "T" + String.format("%02d", from + i) + ":15:00";
    }
    return times;
  }

  // --- quiet hours ---

  private void quietHours(
      String jurisdiction,
      String rule,
      LenderKind kind,
      ZoneId zone,
      String lastAllowedEvening,
      String firstQuiet) {
    var day = "2026-11-20T";
    var next = "2026-11-21T";
    assertThat(found(jurisdiction, rule, calls(zone, kind, false, day + lastAllowedEvening)))
        .as("%s at %s", rule, lastAllowedEvening)
        .isEmpty();
    assertThat(found(jurisdiction, rule, calls(zone, kind, false, day + firstQuiet)))
        .as("%s at %s", rule, firstQuiet)
        .hasSize(1);
    assertThat(found(jurisdiction, rule, calls(zone, kind, false, next + "00:00:00")))
        .as("%s at midnight", rule)
        .hasSize(1);
    assertThat(found(jurisdiction, rule, calls(zone, kind, false, next + "07:59:00")))
        .as("%s at 07:59", rule)
        .hasSize(1);
    assertThat(found(jurisdiction, rule, calls(zone, kind, false, next + "08:00:00")))
        .as("%s at 08:00", rule)
        .isEmpty();
  }

  @Test
  void quiet_hours_of_every_pack_at_their_edges_in_the_clients_zone() {
    // a client in Tokyo: 22:00 her time is 21:00 in Shanghai, and her time is what counts
    quietHours("CN", "cn.quiet-hours", LenderKind.BANK_CARD, TOKYO, "21:59:00", "22:00:00");
    quietHours(
        "CN", "cn.nifa.quiet-hours", LenderKind.ONLINE_PLATFORM, SHANGHAI, "21:59:00", "22:00:00");
    // Regulation F: before 8:00 or after 21:00; 21:00 itself is not after 21:00
    quietHours("US", "us.inconvenient-time", null, NEW_YORK, "21:00:00", "21:01:00");
    quietHours("UK", "uk.conc.unreasonable-hours", null, LONDON, "21:00:00", "21:01:00");
  }

  // --- counts per local day ---

  @Test
  void six_unanswered_attempts_to_one_number_a_day_pass_under_cba_and_the_seventh_does_not() {
    var rule = "cn.calls-per-day";
    var kind = LenderKind.CONSUMER_FINANCE;
    assertThat(found("CN", rule, calls(SHANGHAI, kind, false, hourly("2026-11-20", 9, 6))))
        .isEmpty();
    assertThat(found("CN", rule, calls(SHANGHAI, kind, false, hourly("2026-11-20", 9, 7))))
        .singleElement()
        .satisfies(f -> assertThat(f.entryIds()).hasSize(7));
    // seven across the client's midnight are two days of four and three
    var split = calls(SHANGHAI, kind, false, hourly("2026-11-20", 20, 4));
    split.addAll(calls(SHANGHAI, kind, false, hourly("2026-11-21", 0, 3)));
    assertThat(found("CN", rule, split)).isEmpty();
    // a client in New York: 20:15 to 02:15 on one UTC day is two of her days (4 + 3)...
    var newYork = calls(NEW_YORK, kind, false, hourly("2026-11-20", 20, 4));
    newYork.addAll(calls(NEW_YORK, kind, false, hourly("2026-11-21", 0, 3)));
    assertThat(found("CN", rule, newYork)).isEmpty();
    // ...and 17:15 to 23:15 her time, one of her days across two UTC days, is seven
    assertThat(found("CN", rule, calls(NEW_YORK, kind, false, hourly("2026-11-20", 17, 7))))
        .hasSize(1);
  }

  @Test
  void three_connected_calls_a_day_pass_under_nifa_and_the_fourth_does_not() {
    var rule = "cn.nifa.connected-calls";
    var kind = LenderKind.ONLINE_PLATFORM;
    assertThat(found("CN", rule, calls(SHANGHAI, kind, true, hourly("2026-11-20", 9, 3))))
        .isEmpty();
    assertThat(found("CN", rule, calls(SHANGHAI, kind, true, hourly("2026-11-20", 9, 4))))
        .hasSize(1);
    var split = calls(SHANGHAI, kind, true, hourly("2026-11-20", 21, 2));
    split.addAll(calls(SHANGHAI, kind, true, hourly("2026-11-21", 0, 2)));
    assertThat(found("CN", rule, split)).isEmpty();
    // a client in Tokyo: four calls from 20:15 her time are one of her days
    assertThat(found("CN", rule, calls(TOKYO, kind, true, hourly("2026-11-20", 20, 4)))).hasSize(1);
    // bank-card debts are not NIFA's
    assertThat(
            found(
                "CN",
                rule,
                calls(SHANGHAI, LenderKind.BANK_CARD, true, hourly("2026-11-20", 9, 4))))
        .isEmpty();
  }

  // --- Regulation F's call frequency ---

  @Test
  void seven_calls_in_seven_days_pass_and_an_eighth_within_them_does_not() {
    var rule = "us.regf.7-in-7";
    var week = new ArrayList<String>();
    for (int day = 1; day <= 7; day++) {
      week.add("2026-11-0" + day + "T12:00:00");
    }
    assertThat(found("US", rule, calls(NEW_YORK, null, false, week.toArray(String[]::new))))
        .isEmpty();
    // the eighth at 23:30 on day 7 her time (04:30 UTC on day 8) is within the seven days
    var late = new ArrayList<>(week);
    late.add("2026-11-07T23:30:00");
    assertThat(found("US", rule, calls(NEW_YORK, null, false, late.toArray(String[]::new))))
        .singleElement()
        .satisfies(f -> assertThat(f.entryIds()).hasSize(8));
    // just after her midnight it is day 8: days 2 to 8 hold seven calls
    var next = new ArrayList<>(week);
    next.add("2026-11-08T00:30:00");
    assertThat(found("US", rule, calls(NEW_YORK, null, false, next.toArray(String[]::new))))
        .isEmpty();
  }

  @Test
  void a_call_within_seven_days_after_a_conversation_counting_its_day_as_the_first() {
    var rule = "us.regf.after-conversation";
    var talked = call("2026-11-01T10:00:00", NEW_YORK, null, true);
    assertThat(
            found("US", rule, List.of(talked, call("2026-11-07T23:59:00", NEW_YORK, null, false))))
        .hasSize(1);
    assertThat(
            found("US", rule, List.of(talked, call("2026-11-08T00:00:00", NEW_YORK, null, false))))
        .isEmpty();
    // a call earlier on the day of the conversation came before it
    assertThat(
            found("US", rule, List.of(call("2026-11-01T09:00:00", NEW_YORK, null, false), talked)))
        .isEmpty();
  }

  // --- third parties ---

  @Test
  void one_contact_to_locate_the_client_passes_where_a_pack_allows_it_and_a_second_does_not() {
    var locate = ThirdPartyPurpose.LOCATE_ONLY;
    for (var where :
        List.of(
            new Call("2026-11-20T10:00:00", SHANGHAI, LenderKind.BANK_CARD),
            new Call("2026-11-20T10:00:00", NEW_YORK, null),
            new Call("2026-11-20T10:00:00", LONDON, null))) {
      var jurisdiction = where.zone() == SHANGHAI ? "CN" : where.zone() == NEW_YORK ? "US" : "UK";
      var rule =
          switch (jurisdiction) {
            case "CN" -> "cn.third-party";
            case "US" -> "us.regf.third-party";
            default -> "uk.conc.third-party";
          };
      var first =
          contact(where.local(), where.zone(), where.kind(), Party.FAMILY, "139", false, locate);
      var second =
          contact(
              "2026-11-21T10:00:00",
              where.zone(),
              where.kind(),
              Party.FAMILY,
              "139",
              false,
              locate);
      assertThat(found(jurisdiction, rule, List.of(first))).as(rule).isEmpty();
      assertThat(found(jurisdiction, rule, List.of(first, second))).as(rule).hasSize(1);
    }
    var online =
        contact(
            "2026-11-20T10:00:00",
            SHANGHAI,
            LenderKind.ONLINE_PLATFORM,
            Party.FAMILY,
            "139",
            false,
            locate);
    assertThat(found("CN", "cn.nifa.third-party", List.of(online))).hasSize(1);
    assertThat(found("CN", "cn.third-party", List.of(online))).isEmpty();
  }
}
