package org.clearpath.domain.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.harassment.CollectionContact;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.Test;

class ContactEntryTest {
  private static final CaseId CASE = CaseId.random();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static ContactDetails details(String at, Party party, String number) {
    return new ContactDetails(
        Instant.parse(at),
        SHANGHAI,
        null,
        null,
        " 某某资产管理公司 ",
        "",
        null,
        Direction.INBOUND,
        Channel.PHONE,
        party,
        number,
        true,
        "说今天不还就上门",
        Outcome.REFUSED,
        null);
  }

  private static ContactEntry entry(ContactDetails details, UUID corrects, String reason) {
    return new ContactEntry(
        UUID.randomUUID(),
        CASE,
        details,
        corrects,
        reason,
        new UserId("u1"),
        "counselor.wang",
        Instant.parse("2026-11-21T00:00:00Z"));
  }

  @Test
  void a_correction_replaces_the_entry_it_corrects_and_both_stay_in_the_log() {
    var first = entry(details("2026-11-20T14:30:00Z", Party.CLIENT, null), null, null);
    var other = entry(details("2026-11-20T10:00:00Z", Party.FAMILY, null), null, null);
    var fixed =
        entry(details("2026-11-20T14:35:00Z", Party.CLIENT, null), first.id(), "wrong minute");
    var log = List.of(first, other, fixed);
    assertThat(ContactEntry.current(log)).containsExactly(other, fixed);
    assertThat(log).hasSize(3);
  }

  @Test
  void an_entry_brings_along_the_entries_it_corrects_however_many_times() {
    var first = entry(details("2026-11-20T14:30:00Z", Party.CLIENT, null), null, null);
    var second = entry(details("2026-11-20T14:31:00Z", Party.CLIENT, null), first.id(), "one");
    var third = entry(details("2026-11-20T14:32:00Z", Party.CLIENT, null), second.id(), "two");
    var other = entry(details("2026-11-20T10:00:00Z", Party.FAMILY, null), null, null);
    var log = List.of(first, second, third, other);
    assertThat(ContactEntry.withCorrected(log, List.of(third.id())))
        .containsExactly(third.id(), second.id(), first.id());
    assertThat(ContactEntry.withCorrected(log, List.of(other.id()))).containsExactly(other.id());
  }

  @Test
  void a_correction_without_a_reason_is_refused() {
    var first = entry(details("2026-11-20T14:30:00Z", Party.CLIENT, null), null, null);
    assertThatThrownBy(
            () -> entry(details("2026-11-20T14:30:00Z", Party.CLIENT, null), first.id(), " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optional_text_is_trimmed_and_blank_means_not_given() {
    var d = details("2026-11-20T14:30:00Z", Party.CLIENT, " ");
    assertThat(d.agency()).isEqualTo("某某资产管理公司");
    assertThat(d.collectorName()).isNull();
    assertThat(d.contactedNumber()).isNull();
  }

  @Test
  void the_rules_see_the_clients_local_day_the_number_or_party_and_the_debt_or_lender() {
    // 16:30 UTC is 00:30 the next day in Shanghai
    var e = entry(details("2026-11-20T16:30:00Z", Party.CLIENT, null), null, null);
    var seen = CollectionContact.of(e, null);
    assertThat(seen.localDay()).hasToString("2026-11-21");
    assertThat(seen.calledNumber()).isEqualTo("(CLIENT)");
    assertThat(seen.debtRef()).isNull();
    assertThat(seen.conversation()).isTrue();

    var lender = new LenderId(UUID.randomUUID());
    var debt = new DebtId(UUID.randomUUID());
    var d = details("2026-11-20T06:00:00Z", Party.EMPLOYER, "010-1234");
    var withDebt =
        new ContactDetails(
            d.at(),
            d.clientZone(),
            lender,
            debt,
            null,
            null,
            null,
            d.direction(),
            d.channel(),
            d.contacted(),
            d.contactedNumber(),
            false,
            d.summary(),
            null,
            null);
    var withLender =
        new ContactDetails(
            d.at(),
            d.clientZone(),
            lender,
            null,
            null,
            null,
            null,
            d.direction(),
            d.channel(),
            d.contacted(),
            d.contactedNumber(),
            false,
            d.summary(),
            null,
            null);
    assertThat(CollectionContact.of(entry(withDebt, null, null), null).debtRef())
        .isEqualTo(debt.toString());
    assertThat(CollectionContact.of(entry(withLender, null, null), null).debtRef())
        .isEqualTo("lender " + lender);
    assertThat(CollectionContact.of(entry(withLender, null, null), null).calledNumber())
        .isEqualTo("010-1234");
  }
}
