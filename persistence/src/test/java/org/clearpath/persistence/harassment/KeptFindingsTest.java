package org.clearpath.persistence.harassment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.ContactDetails;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.harassment.Finding;
import org.clearpath.domain.harassment.FlagKind;
import org.clearpath.domain.harassment.KeptFindings;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.JdbcTransactions;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.contact.JdbcContactLog;
import org.clearpath.persistence.testing.TestCases;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The kept findings (V33): which cases the database marks due, and how the store takes them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptFindingsTest implements TestPropertyProvider {
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
  @Inject JdbcCaseFiles caseFiles;
  @Inject JdbcContactLog log;
  @Inject JdbcKeptFindings kept;
  @Inject JdbcTransactions transactions;
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  @BeforeEach
  void nothingDue() throws Exception {
    database.execute("delete from finding_mark");
    database.execute("delete from finding_taken");
  }

  private ContactEntry contact(CaseId caseId, LenderId lender) {
    var entry =
        new ContactEntry(
            UUID.randomUUID(),
            caseId,
            new ContactDetails(
                NOW,
                ZoneId.of("Asia/Shanghai"),
                lender,
                null,
                null,
                null,
                null,
                Direction.INBOUND,
                Channel.PHONE,
                Party.CLIENT,
                null,
                true,
                "催收来电",
                null,
                null,
                null,
                false),
            null,
            null,
            new UserId("wang"),
            "counselor.wang",
            NOW);
    log.append(entry);
    return entry;
  }

  private List<String> due() throws Exception {
    return database.strings("select case_id from finding_due order by case_id");
  }

  private List<KeptFindings.Due> take(int max) {
    return transactions.inOne(() -> kept.takeDue(max));
  }

  private static List<CaseId> cases(List<KeptFindings.Due> taken) {
    return taken.stream().map(KeptFindings.Due::caseId).toList();
  }

  private void keep(KeptFindings.Due due, List<Finding> findings) {
    transactions.inOne(
        () -> {
          kept.keep(Map.of(due, findings));
          return null;
        });
  }

  private List<String> findingsOf(CaseId caseId) throws Exception {
    return database.strings(
        "select finding_key from case_finding where case_id = '" + id(caseId) + "'");
  }

  private static Finding finding(ContactEntry entry, LocalDate on) {
    return finding(entry, on, on, "23:30");
  }

  private static Finding finding(ContactEntry entry, LocalDate from, LocalDate to, String time) {
    return new Finding(
        "cn.quiet-hours",
        FlagKind.UNREASONABLE_HOURS,
        "calls at night",
        Message.of("finding.quiet-hours", "time", time),
        List.of(entry.id().toString()),
        from,
        to);
  }

  private static String id(CaseId caseId) {
    return caseId.value().toString();
  }

  @Test
  void a_contact_a_jurisdiction_or_a_named_lender_changed_makes_its_cases_due() throws Exception {
    var lender = new LenderId(UUID.randomUUID());
    database.execute(
        "insert into lender (id, name, kind) values ('"
            + lender.value()
            + "', '某贷"
            + lender.value()
            + "', 'ONLINE_PLATFORM')");
    var withLender = TestCases.open(caseFiles, "wang", NOW);
    var other = TestCases.open(caseFiles, "wang", NOW);
    assertThat(due()).isEmpty();

    contact(withLender, lender);
    contact(other, null);
    assertThat(due()).containsExactlyInAnyOrder(id(withLender), id(other));
    nothingDue();

    // the case's jurisdiction, when it changes
    database.execute("update case_file set jurisdiction = 'US' where id = '" + id(other) + "'");
    assertThat(due()).containsExactly(id(other));
    nothingDue();
    database.execute("update case_file set jurisdiction = 'US' where id = '" + id(other) + "'");
    database.execute(
        "update case_file set status = 'IN_NEGOTIATION' where id = '" + id(other) + "'");
    assertThat(due()).isEmpty();

    // a lender's kind or name: the cases whose logs name it
    database.execute("update lender set kind = 'BANK_CARD' where id = '" + lender.value() + "'");
    assertThat(due()).containsExactly(id(withLender));
  }

  @Test
  void kept_findings_replace_the_earlier_ones_and_the_case_is_no_longer_due() throws Exception {
    var caseId = TestCases.open(caseFiles, "wang", NOW);
    var entry = contact(caseId, null);
    var day = LocalDate.of(2026, 11, 30);
    var taken = take(10);
    assertThat(cases(taken)).contains(caseId);
    var due = taken.stream().filter(t -> t.caseId().equals(caseId)).findFirst().orElseThrow();
    // the same finding twice (two packs' rules alike) is kept once
    keep(due, List.of(finding(entry, day), finding(entry, day)));
    assertThat(due()).doesNotContain(id(caseId));
    assertThat(
            database.strings(
                "select finding_key || ' ' || found_to || ' ' || (why_params ->> 'time') from"
                    + " case_finding where case_id = '"
                    + id(caseId)
                    + "'"))
        .containsExactly(finding(entry, day).key() + " 2026-11-30 23:30");

    // judged again: the same finding with other values is rewritten, a new one added
    var later = contact(caseId, null);
    var next = take(10).getFirst();
    var longer = finding(entry, day, day.plusDays(1), "23:45");
    assertThat(longer.key()).isEqualTo(finding(entry, day).key());
    keep(next, List.of(longer, finding(later, day)));
    assertThat(
            database.strings(
                "select finding_key || ' ' || found_to || ' ' || (why_params ->> 'time') from"
                    + " case_finding where case_id = '"
                    + id(caseId)
                    + "'"))
        .containsExactlyInAnyOrder(
            longer.key() + " 2026-12-01 23:45", finding(later, day).key() + " 2026-11-30 23:30");
    // and again, finding the same: nothing changes
    contact(caseId, null);
    keep(take(10).getFirst(), List.of(longer, finding(later, day)));
    assertThat(findingsOf(caseId))
        .containsExactlyInAnyOrder(finding(entry, day).key(), finding(later, day).key());

    contact(caseId, null);
    var again = take(10).getFirst();
    assertThat(again.caseId()).isEqualTo(caseId);
    keep(again, List.of());
    assertThat(findingsOf(caseId)).isEmpty();
  }

  @Test
  void a_contact_while_its_case_is_judged_waits_for_nothing_and_leaves_the_case_due()
      throws Exception {
    var first = TestCases.open(caseFiles, "wang", NOW);
    var second = TestCases.open(caseFiles, "wang", NOW);
    var firstEntry = contact(first, null);
    contact(second, null);
    var day = LocalDate.of(2026, 11, 30);

    // two instances take different cases
    var one = take(1);
    var other = take(5);
    assertThat(one).hasSize(1);
    assertThat(other).hasSize(1);
    assertThat(cases(other)).doesNotContainAnyElementsOf(cases(one));
    var judged = one.getFirst();
    var judgedCase = judged.caseId();
    assertThat(take(5)).isEmpty();

    // a contact on a case being judged is logged at once, and marks it due again
    CompletableFuture.runAsync(() -> contact(judgedCase, null)).get(5, TimeUnit.SECONDS);
    // the findings judged without it are kept, but the case stays due, free to be taken
    keep(judged, List.of(finding(firstEntry, day)));
    assertThat(findingsOf(judgedCase)).containsExactly(finding(firstEntry, day).key());
    assertThat(due()).contains(id(judgedCase));
    var retaken = take(5);
    assertThat(cases(retaken)).containsExactly(judgedCase);
    keep(other.getFirst(), List.of());
    assertThat(due()).containsExactly(id(judgedCase));

    // judged again from the later taking: no longer due; the earlier judging, kept late, changes
    // nothing
    keep(retaken.getFirst(), List.of());
    assertThat(due()).isEmpty();
    keep(judged, List.of(finding(firstEntry, day)));
    assertThat(findingsOf(judgedCase)).isEmpty();
    assertThat(due()).isEmpty();
  }

  @Test
  void a_contact_waits_for_no_taking_or_keeping_of_its_case_still_under_way() throws Exception {
    var caseId = TestCases.open(caseFiles, "wang", NOW);
    contact(caseId, null);
    transactions.inOne(
        () -> {
          // the taking's and then the keeping's transaction still open
          var taken = kept.takeDue(5);
          assertThat(cases(taken)).containsExactly(caseId);
          logElsewhere(caseId);
          kept.keep(Map.of(taken.getFirst(), List.of()));
          logElsewhere(caseId);
          return null;
        });
    // both contacts came after the taking: due again
    assertThat(due()).containsExactly(id(caseId));
    var again = take(5);
    assertThat(cases(again)).containsExactly(caseId);
    keep(again.getFirst(), List.of());
    assertThat(due()).isEmpty();
  }

  /** A contact logged in a transaction of its own, at once. */
  private void logElsewhere(CaseId caseId) {
    try {
      CompletableFuture.runAsync(() -> contact(caseId, null)).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the contact waited", e);
    }
  }

  @Test
  void a_taking_that_was_never_kept_is_taken_again_once_its_time_is_up() throws Exception {
    var caseId = TestCases.open(caseFiles, "wang", NOW);
    contact(caseId, null);
    assertThat(cases(take(5))).containsExactly(caseId);
    assertThat(take(5)).isEmpty();
    database.execute("update finding_taken set taken_until = now() - interval '1 second'");
    assertThat(cases(take(5))).containsExactly(caseId);
  }

  @Test
  void other_rule_packs_make_every_case_due_once() throws Exception {
    var caseId = TestCases.open(caseFiles, "wang", NOW);
    assertThat(transactions.inOne(() -> kept.judgedBy("packs-a"))).isTrue();
    assertThat(due()).contains(id(caseId));
    nothingDue();
    assertThat(transactions.inOne(() -> kept.judgedBy("packs-a"))).isFalse();
    assertThat(due()).isEmpty();
    assertThat(transactions.inOne(() -> kept.judgedBy("packs-b"))).isTrue();
    assertThat(due()).contains(id(caseId));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
