package org.clearpath.persistence.day;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.ContactDetails;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.day.DayItem;
import org.clearpath.domain.day.DaySection;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.contact.JdbcContactLog;
import org.clearpath.persistence.testing.TestCases;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DayQueueTest implements TestPropertyProvider {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
  private static final UserId WANG = new UserId("wang");
  @Inject JdbcCaseFiles caseFiles;
  @Inject JdbcContactLog log;
  @Inject JdbcDayQueue queue;
  @Inject org.clearpath.persistence.harassment.JdbcKeptFindings findings;
  @Inject org.clearpath.persistence.JdbcTransactions transactions;
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private ContactEntry contact(CaseId caseId, Instant at, LocalDate followUp, UUID corrects) {
    var entry =
        new ContactEntry(
            UUID.randomUUID(),
            caseId,
            new ContactDetails(
                at,
                ZoneId.of("Asia/Shanghai"),
                null,
                null,
                null,
                null,
                null,
                Direction.OUTBOUND,
                Channel.PHONE,
                Party.CLIENT,
                null,
                true,
                "回访",
                null,
                followUp),
            corrects,
            corrects == null ? null : "wrong date",
            WANG,
            "counselor.wang",
            at.plusSeconds(60));
    log.append(entry);
    return entry;
  }

  private static java.util.List<CaseId> cases(DaySection section) {
    return section.items().stream().map(DayItem::caseId).toList();
  }

  @Test
  void a_follow_up_is_due_while_the_latest_contact_asks_for_it_by_today() {
    var due = TestCases.open(caseFiles, "wang", NOW.minusSeconds(86_400 * 30));
    contact(due, NOW.minusSeconds(86_400 * 3), TODAY.minusDays(1), null);
    var done = TestCases.open(caseFiles, "wang", NOW.minusSeconds(86_400 * 30));
    contact(done, NOW.minusSeconds(86_400 * 3), TODAY.minusDays(1), null);
    contact(done, NOW.minusSeconds(3600), null, null); // the follow-up call was made
    var later = TestCases.open(caseFiles, "wang", NOW.minusSeconds(86_400 * 30));
    contact(later, NOW.minusSeconds(86_400 * 3), TODAY.plusDays(1), null);
    var corrected = TestCases.open(caseFiles, "wang", NOW.minusSeconds(86_400 * 30));
    var wrong = contact(corrected, NOW.minusSeconds(86_400 * 3), TODAY, null);
    contact(corrected, NOW.minusSeconds(86_400 * 3), TODAY.plusDays(7), wrong.id());
    var others = TestCases.open(caseFiles, "li", NOW.minusSeconds(86_400 * 30));
    contact(others, NOW.minusSeconds(86_400 * 3), TODAY, null);

    var mine = queue.followUps(org.clearpath.domain.shared.Reach.caseload(WANG), TODAY, 20);
    assertThat(cases(mine)).containsExactly(due);
    assertThat(mine.total()).isEqualTo(1);
    assertThat(mine.items().getFirst().on()).isEqualTo(TODAY.minusDays(1));
    assertThat(mine.items().getFirst().params()).containsEntry("channel", "PHONE");
    var everyone = queue.followUps(org.clearpath.domain.shared.Reach.everyone(), TODAY, 20);
    assertThat(cases(everyone)).containsExactly(due, others);
    assertThat(queue.followUps(org.clearpath.domain.shared.Reach.everyone(), TODAY, 1).items())
        .hasSize(1);
    assertThat(queue.followUps(org.clearpath.domain.shared.Reach.everyone(), TODAY, 1).total())
        .isEqualTo(2);
  }

  private static org.clearpath.domain.harassment.Finding finding(
      String rule, LocalDate on, ContactEntry entry) {
    return new org.clearpath.domain.harassment.Finding(
        rule,
        org.clearpath.domain.harassment.FlagKind.UNREASONABLE_HOURS,
        "a call at night",
        org.clearpath.domain.shared.Message.of("finding.quiet-hours", "time", "23:30"),
        java.util.List.of(entry.id().toString()),
        on,
        on);
  }

  @Test
  void findings_are_the_kept_ones_no_flag_covers_of_open_cases_contacted_lately_latest_first()
      throws Exception {
    var counselor = new UserId("finder");
    var since = NOW.minusSeconds(86_400 * 14);
    var recent = TestCases.open(caseFiles, "finder", NOW.minusSeconds(86_400 * 40));
    var recentEntry = contact(recent, NOW.minusSeconds(86_400), null, null);
    var older = TestCases.open(caseFiles, "finder", NOW.minusSeconds(86_400 * 40));
    var olderEntry = contact(older, NOW.minusSeconds(86_400 * 3), null, null);
    var longAgo = TestCases.open(caseFiles, "finder", NOW.minusSeconds(86_400 * 40));
    var longAgoEntry = contact(longAgo, NOW.minusSeconds(86_400 * 20), null, null);
    var closed = TestCases.open(caseFiles, "finder", NOW.minusSeconds(86_400 * 40));
    var closedEntry = contact(closed, NOW.minusSeconds(7200), null, null);
    database.execute("update case_file set status = 'CLOSED' where id = '" + closed.value() + "'");
    var flagged = TestCases.open(caseFiles, "finder", NOW.minusSeconds(86_400 * 40));
    var flaggedEntry = contact(flagged, NOW.minusSeconds(7200), null, null);
    var someoneElses = TestCases.open(caseFiles, "other-finder", NOW.minusSeconds(86_400 * 40));
    var elseEntry = contact(someoneElses, NOW.minusSeconds(60), null, null);
    var kept =
        new java.util.LinkedHashMap<
            CaseId, java.util.List<org.clearpath.domain.harassment.Finding>>();
    kept.put(
        recent,
        java.util.List.of(
            finding("cn.quiet-hours", TODAY.minusDays(1), recentEntry),
            finding("cn.third-party", TODAY.minusDays(5), recentEntry)));
    kept.put(older, java.util.List.of(finding("cn.quiet-hours", TODAY.minusDays(3), olderEntry)));
    kept.put(
        longAgo, java.util.List.of(finding("cn.quiet-hours", TODAY.minusDays(20), longAgoEntry)));
    kept.put(closed, java.util.List.of(finding("cn.quiet-hours", TODAY, closedEntry)));
    var covered = finding("cn.quiet-hours", TODAY, flaggedEntry);
    kept.put(flagged, java.util.List.of(covered));
    kept.put(someoneElses, java.util.List.of(finding("cn.quiet-hours", TODAY, elseEntry)));
    transactions.inOne(
        () -> {
          // as the findings job keeps them: for the cases it took (their contacts made them due)
          var judged =
              new java.util.HashMap<
                  org.clearpath.domain.harassment.KeptFindings.Due,
                  java.util.List<org.clearpath.domain.harassment.Finding>>();
          for (var due : findings.takeDue(100)) {
            judged.put(due, kept.getOrDefault(due.caseId(), java.util.List.of()));
          }
          findings.keep(judged);
          return null;
        });
    database.execute(
        "insert into harassment_flag (id, case_id, kind, source, rule, finding_key, description,"
            + " status, raised_by, raised_by_name, raised_at) values (gen_random_uuid(), '"
            + flagged.value()
            + "', 'UNREASONABLE_HOURS', 'DETECTED', 'cn.quiet-hours', '"
            + covered.key()
            + "', 'x', 'DISMISSED', 'finder', 'finder', now())");

    var mine = queue.findings(org.clearpath.domain.shared.Reach.caseload(counselor), since, 20);
    assertThat(cases(mine)).containsExactly(recent, older, recent);
    assertThat(mine.total()).isEqualTo(3);
    assertThat(mine.items().getFirst().on()).isEqualTo(TODAY.minusDays(1));
    assertThat(mine.items().getFirst().params())
        .containsEntry("code", "finding.quiet-hours")
        .containsEntry("time", "23:30")
        .containsEntry("kind", "UNREASONABLE_HOURS")
        .containsEntry("rule", "cn.quiet-hours");
    var first = queue.findings(org.clearpath.domain.shared.Reach.caseload(counselor), since, 1);
    assertThat(cases(first)).containsExactly(recent);
    assertThat(first.total()).isEqualTo(3);
    assertThat(cases(queue.findings(org.clearpath.domain.shared.Reach.everyone(), since, 100)))
        .containsSubsequence(someoneElses, recent, older, recent)
        .doesNotContain(longAgo, closed, flagged);
  }

  @Test
  void cases_are_quiet_when_nobody_contacted_them_for_the_given_days() throws Exception {
    var silent = TestCases.open(caseFiles, "quiet", NOW.minusSeconds(86_400 * 40));
    var talked = TestCases.open(caseFiles, "quiet", NOW.minusSeconds(86_400 * 40));
    contact(talked, NOW.minusSeconds(86_400 * 2), null, null);
    // an entry logged late, about an older call, leaves the latest contact where it was
    contact(talked, NOW.minusSeconds(86_400 * 30), null, null);
    var longAgo = TestCases.open(caseFiles, "quiet", NOW.minusSeconds(86_400 * 40));
    contact(longAgo, NOW.minusSeconds(86_400 * 20), null, null);
    var fresh = TestCases.open(caseFiles, "quiet", NOW.minusSeconds(86_400 * 2));

    var quiet =
        queue.quiet(org.clearpath.domain.shared.Reach.caseload(new UserId("quiet")), TODAY, 14, 20);
    assertThat(cases(quiet)).containsExactly(silent, longAgo);
    assertThat(quiet.items().getFirst().params()).containsEntry("never", "true");
    assertThat(quiet.items().getLast().params()).containsEntry("never", "false");
    assertThat(
            cases(
                queue.quiet(
                    org.clearpath.domain.shared.Reach.caseload(new UserId("quiet")),
                    TODAY,
                    30,
                    20)))
        .containsExactly(silent);
    // a case opened two days ago is quiet after one day without contact, not after three
    assertThat(
            cases(
                queue.quiet(
                    org.clearpath.domain.shared.Reach.caseload(new UserId("quiet")), TODAY, 3, 20)))
        .containsExactly(silent, longAgo);
    assertThat(
            cases(
                queue.quiet(
                    org.clearpath.domain.shared.Reach.caseload(new UserId("quiet")), TODAY, 1, 20)))
        .contains(talked, fresh);
  }

  @Test
  void instalments_due_in_the_week_are_listed_with_what_is_left_to_pay() throws Exception {
    var caseId = TestCases.open(caseFiles, "plans", NOW.minusSeconds(86_400 * 40));
    var active = plan(caseId, "ACTIVE");
    instalment(active, 1, TODAY.minusDays(27), "100.00");
    instalment(active, 2, TODAY.plusDays(3), "100.00");
    instalment(active, 3, TODAY.plusDays(33), "100.00");
    // the first paid in full, the second in part
    payment(active, "130.00");
    var proposed = plan(caseId, "PROPOSED");
    instalment(proposed, 1, TODAY.plusDays(2), "50.00");

    var due =
        queue.instalments(
            org.clearpath.domain.shared.Reach.caseload(new UserId("plans")),
            TODAY,
            TODAY.plusDays(7),
            20);
    assertThat(due.total()).isEqualTo(1);
    var item = due.items().getFirst();
    assertThat(item.on()).isEqualTo(TODAY.plusDays(3));
    assertThat(item.params())
        .containsEntry("instalment", "2")
        .containsEntry("amount", "70")
        .containsEntry("currency", "CNY");
    payment(active, "70.00");
    assertThat(
            queue
                .instalments(
                    org.clearpath.domain.shared.Reach.caseload(new UserId("plans")),
                    TODAY,
                    TODAY.plusDays(7),
                    20)
                .total())
        .isZero();
  }

  private UUID plan(CaseId caseId, String status) throws Exception {
    var plan = UUID.randomUUID();
    var file = UUID.randomUUID();
    database.execute(
        ("insert into evidence_file (id, case_id, file_name, media_type, size_bytes, sha256,"
                + " source, uploaded_by, uploaded_by_name, uploaded_at) values ('%s', '%s',"
                + " 'a.pdf', 'application/pdf', 1, repeat('0', 64), 'STAFF', 'u', 'u', now())")
            .formatted(file, caseId.value()));
    database.execute(
        ("insert into plan (id, case_id, kind, currency, agreed_total, terms, status, agreed_on,"
                + " agreement_file, created_by, created_by_name, created_at) values ('%s', '%s',"
                + " 'INSTALMENTS', 'CNY', 300, '', '%s', %s, %s, 'u', 'u', now())")
            .formatted(
                plan,
                caseId.value(),
                status,
                status.equals("PROPOSED") ? "null" : "date '2026-10-01'",
                status.equals("PROPOSED") ? "null" : "'" + file + "'"));
    return plan;
  }

  private void instalment(UUID plan, int number, LocalDate due, String amount) throws Exception {
    database.execute(
        "insert into plan_instalment (plan_id, number, due_on, amount) values ('%s', %d, date '%s', %s)"
            .formatted(plan, number, due, amount));
  }

  private void payment(UUID plan, String amount) throws Exception {
    database.execute(
        ("insert into plan_payment (id, plan_id, paid_on, amount, recorded_by, recorded_by_name,"
                + " recorded_at) values ('%s', '%s', date '2026-11-01', %s, 'u', 'u', now())")
            .formatted(UUID.randomUUID(), plan, amount));
  }
}
