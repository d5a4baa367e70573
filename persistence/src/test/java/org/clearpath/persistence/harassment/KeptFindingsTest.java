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
    database.execute("delete from finding_due");
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

  private List<CaseId> take(int max) {
    return transactions.inOne(() -> kept.takeDue(max));
  }

  private static Finding finding(ContactEntry entry, LocalDate on) {
    return new Finding(
        "cn.quiet-hours",
        FlagKind.UNREASONABLE_HOURS,
        "a call at night",
        Message.of("finding.quiet-hours", "time", "23:30"),
        List.of(entry.id().toString()),
        on,
        on);
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
    database.execute("delete from finding_due");

    // the case's jurisdiction, when it changes
    database.execute("update case_file set jurisdiction = 'US' where id = '" + id(other) + "'");
    assertThat(due()).containsExactly(id(other));
    database.execute("delete from finding_due");
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
    assertThat(take(10)).contains(caseId);
    transactions.inOne(
        () -> {
          // the same finding twice (two packs' rules alike) is kept once
          kept.keep(Map.of(caseId, List.of(finding(entry, day), finding(entry, day))));
          return null;
        });
    assertThat(due()).doesNotContain(id(caseId));
    assertThat(
            database.strings(
                "select finding_key || ' ' || found_to || ' ' || (why_params ->> 'time') from"
                    + " case_finding where case_id = '"
                    + id(caseId)
                    + "'"))
        .containsExactly(finding(entry, day).key() + " 2026-11-30 23:30");
    transactions.inOne(
        () -> {
          kept.keep(Map.of(caseId, List.of()));
          return null;
        });
    assertThat(
            database.count(
                "select count(*) from case_finding where case_id = '" + id(caseId) + "'"))
        .isZero();
  }

  @Test
  void two_at_once_take_different_cases_and_a_contact_while_one_is_judged_leaves_it_due()
      throws Exception {
    var first = TestCases.open(caseFiles, "wang", NOW);
    var second = TestCases.open(caseFiles, "wang", NOW);
    contact(first, null);
    contact(second, null);
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var judging =
        CompletableFuture.supplyAsync(
            () ->
                transactions.inOne(
                    () -> {
                      var taken = kept.takeDue(1);
                      holding.countDown();
                      await(release);
                      // judged without the entry logged meanwhile
                      kept.keep(Map.of(taken.getFirst(), List.of()));
                      return taken.getFirst();
                    }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    var other = take(5);
    assertThat(other).hasSize(1);
    var beingJudged = other.contains(first) ? second : first;
    // a contact on the case being judged waits for that judging, then marks it due again
    var logging = CompletableFuture.runAsync(() -> contact(beingJudged, null));
    Thread.sleep(300);
    assertThat(logging).isNotDone();
    release.countDown();
    assertThat(judging.get(10, TimeUnit.SECONDS)).isEqualTo(beingJudged);
    logging.get(10, TimeUnit.SECONDS);
    assertThat(due()).contains(id(beingJudged));
  }

  @Test
  void other_rule_packs_make_every_case_due_once() throws Exception {
    var caseId = TestCases.open(caseFiles, "wang", NOW);
    assertThat(transactions.inOne(() -> kept.judgedBy("packs-a"))).isTrue();
    assertThat(due()).contains(id(caseId));
    database.execute("delete from finding_due");
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
