package org.clearpath.persistence.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.clearpath.domain.debt.Due;
import org.clearpath.domain.debt.Repayment;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.stage.DebtStanding;
import org.clearpath.domain.stage.LegalMilestone;
import org.clearpath.domain.stage.StagePolicy;
import org.clearpath.domain.stage.StageThresholds;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The daily stage job on a real PostgreSQL; every test starts from empty tables. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StageJobTest implements TestPropertyProvider {
  private static final LocalDate DUE = LocalDate.of(2026, 10, 1);
  private TestPostgres.Database database;

  @Inject JdbcStageHistory history;
  @Inject org.clearpath.persistence.casefile.JdbcCaseFiles caseFiles;
  @Inject io.micronaut.transaction.TransactionOperations<Connection> transactions;

  @Override
  public Map<String, String> getProperties() {
    database = TestPostgres.freshDatabase();
    return database.micronautProperties();
  }

  @org.junit.jupiter.api.BeforeEach
  void emptyTables() throws SQLException {
    try (var c = connect();
        var s = c.createStatement()) {
      // the append-only tables refuse TRUNCATE (V28) as they refuse deletes: a test's own
      // session, as a superuser, sets the triggers aside for this one statement
      s.execute("set session_replication_role = replica");
      s.execute(
          "truncate plan_approval, case_review, wellbeing_check, directory_case,"
              + " directory_sighting, directory_entry, calendar_feed, task, plan_payment, plan_instalment, plan_waiver, plan_debt, plan,"
              + " budget_line, budget, audit_entry, checklist_tick, stage_period, debt_repayment, debt_due, legal_milestone, debt,"
              + " lender, complaint_flag, complaint, flag_evidence, flag_contact, harassment_flag,"
              + " evidence_chunk, evidence_file, contact_entry, access_entry, case_finding, finding_mark, finding_taken, portal_login_removal,"
              + " erasure_request,"
              + " case_key, case_latest, case_file");
      s.execute("set session_replication_role = origin");
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        database.jdbcUrl(), database.username(), database.password());
  }

  /** A new case with one open debt of 100 due on {@code DUE} to a new lender. */
  private UUID owing(Connection c, String lender) throws SQLException {
    var caseId = newCase(c);
    due(c, debt(c, caseId, lender(c, lender), "OPEN"), DUE, "100");
    return caseId;
  }

  private UUID newCase(Connection c) throws SQLException {
    var id = UUID.randomUUID();
    try (var s =
        c.prepareStatement(
            "insert into case_file (id, client_name, counselor_id, counselor_name, status, opened_at)"
                + " values (?, 'client', 'c1', 'counselor', 'OPEN', now())")) {
      s.setObject(1, id);
      s.executeUpdate();
    }
    return id;
  }

  private UUID lender(Connection c, String name) throws SQLException {
    var id = UUID.randomUUID();
    try (var s =
        c.prepareStatement(
            "insert into lender (id, name, kind) values (?, ?, 'ONLINE_PLATFORM')")) {
      s.setObject(1, id);
      s.setString(2, name);
      s.executeUpdate();
    }
    return id;
  }

  private UUID debt(Connection c, UUID caseId, UUID lender, String status) throws SQLException {
    var id = UUID.randomUUID();
    try (var s =
        c.prepareStatement(
            "insert into debt (id, case_id, lender_id, currency, principal, interest, penalty_interest, fees, status)"
                + " values (?, ?, ?, 'CNY', 1000, 0, 0, 0, ?)")) {
      s.setObject(1, id);
      s.setObject(2, caseId);
      s.setObject(3, lender);
      s.setString(4, status);
      s.executeUpdate();
    }
    return id;
  }

  private void due(Connection c, UUID debt, LocalDate on, String amount) throws SQLException {
    try (var s =
        c.prepareStatement("insert into debt_due (debt_id, due_date, amount) values (?, ?, ?)")) {
      s.setObject(1, debt);
      s.setDate(2, Date.valueOf(on));
      s.setBigDecimal(3, new BigDecimal(amount));
      s.executeUpdate();
    }
  }

  private void repay(Connection c, UUID debt, LocalDate on, String amount) throws SQLException {
    try (var s =
        c.prepareStatement(
            "insert into debt_repayment (debt_id, paid_on, amount) values (?, ?, ?)")) {
      s.setObject(1, debt);
      s.setDate(2, Date.valueOf(on));
      s.setBigDecimal(3, new BigDecimal(amount));
      s.executeUpdate();
    }
  }

  private void milestone(Connection c, UUID caseId, LegalMilestone m) throws SQLException {
    try (var s =
        c.prepareStatement(
            "insert into legal_milestone (id, case_id, kind, on_date, ended_on) values (?, ?, ?, ?, ?)")) {
      s.setObject(1, UUID.randomUUID());
      s.setObject(2, caseId);
      s.setString(3, m.kind().name());
      s.setDate(4, Date.valueOf(m.on()));
      s.setDate(5, m.endedOn() == null ? null : Date.valueOf(m.endedOn()));
      s.executeUpdate();
    }
  }

  private String caseStage(Connection c, UUID caseId) throws SQLException {
    try (var s = c.prepareStatement("select stage from case_file where id = ?")) {
      s.setObject(1, caseId);
      try (var r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  private int count(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }

  private UUID agreedPlan(Connection c, UUID caseId, UUID debt, LocalDate... dues)
      throws SQLException {
    var file = UUID.randomUUID();
    var plan = UUID.randomUUID();
    try (var s = c.createStatement()) {
      s.executeUpdate(
          "insert into evidence_file (id, case_id, file_name, media_type, size_bytes, sha256, source,"
              + " uploaded_by, uploaded_by_name, uploaded_at) values ('"
              + file
              + "', '"
              + caseId
              + "', 'agreement.pdf', 'application/pdf', 1, repeat('0', 64), 'STAFF', 'c1', 'c', now())");
      s.executeUpdate(
          "insert into plan (id, case_id, kind, currency, agreed_total, terms, status, agreed_on,"
              + " agreement_file, created_by, created_by_name, created_at) values ('"
              + plan
              + "', '"
              + caseId
              + "', 'INSTALMENTS', 'CNY', "
              + (500 * dues.length)
              + ", '', 'AGREED',"
              + " date '2026-11-10', '"
              + file
              + "', 'c1', 'c', now())");
      s.executeUpdate(
          "insert into plan_debt (plan_id, position, debt_id, label, outstanding, share) values ('"
              + plan
              + "', 0, '"
              + debt
              + "', 'lender', 1000, "
              + (500 * dues.length)
              + ")");
      for (int i = 0; i < dues.length; i++) {
        s.executeUpdate(
            "insert into plan_instalment (plan_id, number, due_on, amount) values ('"
                + plan
                + "', "
                + (i + 1)
                + ", date '"
                + dues[i]
                + "', 500)");
      }
    }
    return plan;
  }

  private String openReason(Connection c, UUID caseId) throws SQLException {
    try (var s =
        c.prepareStatement(
            "select reason from stage_period where case_id = ? and ended_on is null")) {
      s.setObject(1, caseId);
      try (var r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  @Test
  void several_cases_can_be_brought_up_to_date_in_one_transaction() throws Exception {
    UUID first;
    UUID second;
    try (var c = connect()) {
      first = owing(c, "招联金融");
      second = owing(c, "微粒贷");
    }
    var day = DUE.plusDays(40);
    transactions.executeWrite(
        status -> {
          history.recordStageOn(
              new org.clearpath.domain.shared.CaseId(first), day, StageThresholds.DEFAULT);
          history.recordStageOn(
              new org.clearpath.domain.shared.CaseId(second), day, StageThresholds.DEFAULT);
          return null;
        });
    try (var c = connect()) {
      assertThat(caseStage(c, first)).isEqualTo("LATE");
      assertThat(caseStage(c, second)).isEqualTo("LATE");
    }
  }

  @Test
  void writers_on_different_cases_go_on_side_by_side_and_wait_on_the_same_case_and_the_daily_run()
      throws Exception {
    UUID first;
    UUID second;
    try (var c = connect()) {
      first = owing(c, "京东金条");
      second = owing(c, "美团月付");
      // another counselor's: two stage moves in one counselor's caseload also meet at that
      // counselor's kept count (V15) until the first commits
      try (var s = c.createStatement()) {
        s.execute(
            "update case_file set counselor_id = 'c2', counselor_name = 'another counselor'"
                + " where id = '"
                + second
                + "'");
      }
    }
    var day = DUE.plusDays(40);
    var holding = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    java.util.function.Function<UUID, java.util.concurrent.Callable<Boolean>> stageOf =
        id ->
            () ->
                transactions.executeWrite(
                    status ->
                        history.recordStageOn(
                            new org.clearpath.domain.shared.CaseId(id),
                            day,
                            StageThresholds.DEFAULT));
    try (var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      // a writer on the first case holds its transaction open
      var holder =
          threads.submit(
              () ->
                  transactions.executeWrite(
                      status -> {
                        history.recordStageOn(
                            new org.clearpath.domain.shared.CaseId(first),
                            day,
                            StageThresholds.DEFAULT);
                        holding.countDown();
                        try {
                          release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return null;
                      }));
      assertThat(holding.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      assertThat(
              threads.submit(stageOf.apply(second)).get(10, java.util.concurrent.TimeUnit.SECONDS))
          .as("another case goes ahead meanwhile")
          .isTrue();
      var sameCase = threads.submit(stageOf.apply(first));
      var dailyRun =
          threads.submit(
              () ->
                  transactions.executeWrite(
                      status -> history.recordStagesOn(day, StageThresholds.DEFAULT)));
      Thread.sleep(700);
      assertThat(sameCase.isDone()).as("the same case waits").isFalse();
      assertThat(dailyRun.isDone()).as("the daily run waits").isFalse();

      release.countDown();
      holder.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(sameCase.get(10, java.util.concurrent.TimeUnit.SECONDS))
          .as("nothing left to change once the first committed")
          .isFalse();
      assertThat(dailyRun.get(10, java.util.concurrent.TimeUnit.SECONDS))
          .as("the daily run then goes ahead")
          .isNotNegative();
    }
    try (var c = connect()) {
      assertThat(caseStage(c, first)).isEqualTo("LATE");
      assertThat(caseStage(c, second)).isEqualTo("LATE");
    }
  }

  @Test
  void a_plan_in_force_replaces_the_debts_dues_and_when_it_breaks_they_count_again()
      throws Exception {
    var thresholds = StageThresholds.DEFAULT;
    try (var c = connect()) {
      var caseId = newCase(c);
      var debt = debt(c, caseId, lender(c, "招联金融"), "OPEN");
      due(c, debt, DUE, "1000");
      history.recordStagesOn(LocalDate.of(2026, 11, 9), thresholds);
      assertThat(caseStage(c, caseId)).isEqualTo("LATE");

      var plan =
          agreedPlan(c, caseId, debt, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20));
      history.recordStageOn(
          new org.clearpath.domain.shared.CaseId(caseId), LocalDate.of(2026, 11, 10), thresholds);
      assertThat(caseStage(c, caseId)).isEqualTo("CURRENT");
      assertThat(openReason(c, caseId)).isEqualTo("招联金融 is being repaid under an agreed plan");

      // the first instalment (20 Nov) unpaid on 1 Dec: 11 days behind the plan
      history.recordStagesOn(LocalDate.of(2026, 12, 1), thresholds);
      assertThat(caseStage(c, caseId)).isEqualTo("MID");
      assertThat(openReason(c, caseId)).isEqualTo("招联金融 is 11 days behind its plan");

      try (var s = c.createStatement()) {
        s.executeUpdate(
            "insert into plan_payment (id, plan_id, paid_on, amount, recorded_by, recorded_by_name,"
                + " recorded_at) values (gen_random_uuid(), '"
                + plan
                + "', date '2026-12-02', 500,"
                + " 'c1', 'c', now())");
      }
      history.recordStagesOn(LocalDate.of(2026, 12, 2), thresholds);
      assertThat(caseStage(c, caseId)).isEqualTo("CURRENT");

      // broken: the debt's own due of 1 October counts again
      try (var s = c.createStatement()) {
        s.executeUpdate(
            "update plan set status = 'BROKEN', status_on = date '2026-12-03' where id = '"
                + plan
                + "'");
      }
      history.recordStagesOn(LocalDate.of(2026, 12, 3), thresholds);
      assertThat(caseStage(c, caseId)).isEqualTo("LATE");
      assertThat(openReason(c, caseId)).isEqualTo("招联金融 is 63 days past due");
    }
  }

  @Test
  void a_case_moves_through_the_stages_as_days_pass_and_its_history_answers_questions()
      throws Exception {
    UUID caseId;
    try (var c = connect()) {
      caseId = newCase(c);
      var debt = debt(c, caseId, lender(c, "招联金融"), "OPEN");
      due(c, debt, DUE, "1000.00");
    }
    var t = StageThresholds.DEFAULT;
    assertThat(history.recordStagesOn(DUE, t)).isEqualTo(1);
    assertThat(history.recordStagesOn(DUE.plusDays(1), t)).isEqualTo(1);
    assertThat(history.recordStagesOn(DUE.plusDays(7), t)).isZero();
    assertThat(history.recordStagesOn(DUE.plusDays(8), t)).isEqualTo(1);
    assertThat(history.recordStagesOn(DUE.plusDays(30), t)).isZero();
    assertThat(history.recordStagesOn(DUE.plusDays(31), t)).isEqualTo(1);

    var id = new CaseId(caseId);
    var periods = history.of(id);
    assertThat(periods)
        .extracting(p -> p.stage())
        .containsExactly(Stage.CURRENT, Stage.EARLY, Stage.MID, Stage.LATE);
    assertThat(periods.get(1).startedOn()).isEqualTo(DUE.plusDays(1));
    assertThat(periods.get(1).endedOn()).isEqualTo(DUE.plusDays(8));
    assertThat(periods.getLast().endedOn()).isNull();
    assertThat(periods.getLast().reason()).isEqualTo("招联金融 is 31 days past due");
    assertThat(periods.getLast().why())
        .isEqualTo(
            new org.clearpath.domain.shared.Message(
                "stage.days-past-due", java.util.Map.of("lender", "招联金融", "days", "31")));
    assertThat(periods).allSatisfy(p -> assertThat(p.automatic()).isTrue());

    assertThat(history.stageOn(id, DUE.minusDays(1))).isEmpty();
    assertThat(history.stageOn(id, DUE.plusDays(7))).contains(Stage.EARLY);
    assertThat(history.stageOn(id, DUE.plusDays(8))).contains(Stage.MID);
    assertThat(history.stageOn(id, DUE.plusDays(100))).contains(Stage.LATE);
    assertThat(entered(Stage.LATE, DUE.plusDays(28), DUE.plusDays(34))).containsExactly(id);
    assertThat(entered(Stage.LATE, DUE, DUE.plusDays(30))).isEmpty();

    try (var c = connect()) {
      assertThat(caseStage(c, caseId)).isEqualTo("LATE");
      assertThat(count(c, "select count(*) from audit_entry where action = 'stage.changed'"))
          .isEqualTo(4);
      assertThat(
              count(
                  c,
                  "select count(*) from audit_entry where details->>'from' = 'MID' and details->>'to' = 'LATE'"))
          .isEqualTo(1);
    }
  }

  @Test
  void the_one_case_variant_records_that_case_only_and_agrees_with_the_full_run() throws Exception {
    UUID first;
    UUID second;
    try (var c = connect()) {
      var lender = lender(c, "花呗");
      first = newCase(c);
      second = newCase(c);
      due(c, debt(c, first, lender, "OPEN"), DUE.minusDays(12), "10.00");
      due(c, debt(c, second, lender, "OPEN"), DUE.minusDays(40), "10.00");
    }
    assertThat(history.recordStageOn(new CaseId(first), DUE, StageThresholds.DEFAULT)).isTrue();
    assertThat(history.recordStageOn(new CaseId(first), DUE, StageThresholds.DEFAULT)).isFalse();
    assertThat(history.of(new CaseId(first))).extracting(p -> p.stage()).containsExactly(Stage.MID);
    assertThat(history.of(new CaseId(second))).isEmpty();

    assertThat(history.recordStagesOn(DUE, StageThresholds.DEFAULT)).isEqualTo(1);
    assertThat(history.of(new CaseId(second)))
        .extracting(p -> p.stage())
        .containsExactly(Stage.LATE);
  }

  @Test
  void a_stage_set_by_hand_stands_until_the_records_show_a_worse_one() throws Exception {
    UUID caseId;
    UUID debt;
    try (var c = connect()) {
      caseId = newCase(c);
      debt = debt(c, caseId, lender(c, "银行"), "OPEN");
      due(c, debt, DUE, "10.00");
    }
    var id = new CaseId(caseId);
    var counselor =
        new org.clearpath.domain.shared.Actor(
            new org.clearpath.domain.shared.UserId("c1"),
            "counselor.wang",
            java.util.Set.of(org.clearpath.domain.shared.Role.COUNSELOR));
    history.recordStagesOn(DUE.plusDays(3), StageThresholds.DEFAULT); // EARLY
    history.setManually(id, Stage.MID, "lender refuses any contact", DUE.plusDays(4), counselor);

    assertThat(history.recordStagesOn(DUE.plusDays(5), StageThresholds.DEFAULT)).isZero();
    assertThat(history.stageOn(id, DUE.plusDays(5))).contains(Stage.MID);
    var manual = history.of(id).getLast();
    assertThat(manual.automatic()).isFalse();
    assertThat(manual.changedByName()).isEqualTo("counselor.wang");
    assertThat(manual.reason()).isEqualTo("lender refuses any contact");
    assertThat(manual.why().code()).isEqualTo("stage.manual");

    // 31 days past due is worse than mid: the records take over again
    assertThat(history.recordStagesOn(DUE.plusDays(31), StageThresholds.DEFAULT)).isEqualTo(1);
    assertThat(history.of(id))
        .extracting(p -> p.stage())
        .containsExactly(Stage.EARLY, Stage.MID, Stage.LATE);
  }

  @Test
  void running_the_job_twice_for_a_day_changes_nothing_the_second_time() throws Exception {
    try (var c = connect()) {
      for (int i = 0; i < 20; i++) {
        var debt = debt(c, newCase(c), lender(c, "lender " + i), "OPEN");
        due(c, debt, DUE.minusDays(i * 3), "10.00");
      }
    }
    assertThat(history.recordStagesOn(DUE, StageThresholds.DEFAULT)).isEqualTo(20);
    assertThat(history.recordStagesOn(DUE, StageThresholds.DEFAULT)).isZero();
    try (var c = connect()) {
      assertThat(count(c, "select count(*) from stage_period")).isEqualTo(20);
      assertThat(count(c, "select count(*) from audit_entry")).isEqualTo(20);
    }
  }

  @Test
  void two_runs_at_once_do_the_work_once() throws Exception {
    try (var c = connect()) {
      for (int i = 0; i < 200; i++) {
        var debt = debt(c, newCase(c), lender(c, "lender " + i), "OPEN");
        due(c, debt, DUE.minusDays(i % 45), "10.00");
      }
    }
    var pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> run = () -> history.recordStagesOn(DUE, StageThresholds.DEFAULT);
      var first = pool.submit(run);
      var second = pool.submit(run);
      assertThat(first.get() + second.get()).isEqualTo(200);
    } finally {
      pool.shutdown();
    }
    try (var c = connect()) {
      assertThat(count(c, "select count(*) from stage_period")).isEqualTo(200);
      assertThat(
              count(
                  c,
                  "select count(*) from (select case_id from stage_period where ended_on is null group by case_id having count(*) > 1) x"))
          .isZero();
    }
  }

  @Test
  void the_sql_job_agrees_with_the_domain_stage_policy_on_random_cases() throws Exception {
    var random = new Random(20261123);
    var policy = new StagePolicy(StageThresholds.DEFAULT);
    var expectedInputs = new HashMap<UUID, List<DebtStanding>>();
    var milestones = new HashMap<UUID, List<LegalMilestone>>();
    try (var c = connect()) {
      var lenders = new ArrayList<UUID>();
      for (int i = 0; i < 5; i++) {
        lenders.add(lender(c, "lender " + i));
      }
      for (int i = 0; i < 150; i++) {
        var caseId = newCase(c);
        var standings = new ArrayList<DebtStanding>();
        for (int d = 0; d < random.nextInt(4); d++) {
          var open = random.nextInt(6) > 0;
          var debtId = debt(c, caseId, lenders.get(random.nextInt(5)), open ? "OPEN" : "SETTLED");
          var dues = new ArrayList<Due>();
          var repayments = new ArrayList<Repayment>();
          for (int k = 0; k < 1 + random.nextInt(4); k++) {
            var on = DUE.plusDays(random.nextInt(90) - 45);
            var amount = BigDecimal.valueOf(1 + random.nextInt(50000), 2).toPlainString();
            due(c, debtId, on, amount);
            dues.add(new Due(on, Money.of(amount, "CNY")));
          }
          for (int k = 0; k < random.nextInt(4); k++) {
            var on = DUE.plusDays(random.nextInt(90) - 45);
            var amount = BigDecimal.valueOf(1 + random.nextInt(40000), 2).toPlainString();
            repay(c, debtId, on, amount);
            repayments.add(new Repayment(on, Money.of(amount, "CNY")));
          }
          standings.add(new DebtStanding("d", open, dues, repayments));
        }
        var legal = new ArrayList<LegalMilestone>();
        if (random.nextInt(10) == 0) {
          var start = DUE.plusDays(random.nextInt(60) - 30);
          var m =
              new LegalMilestone(
                  LegalMilestone.Kind.values()[random.nextInt(5)],
                  start,
                  random.nextBoolean() ? null : start.plusDays(1 + random.nextInt(30)));
          milestone(c, caseId, m);
          legal.add(m);
        }
        expectedInputs.put(caseId, standings);
        milestones.put(caseId, legal);
      }
    }
    for (var day :
        List.of(
            DUE.minusDays(50),
            DUE.minusDays(3),
            DUE,
            DUE.plusDays(8),
            DUE.plusDays(31),
            DUE.plusDays(60))) {
      history.recordStagesOn(day, StageThresholds.DEFAULT);
      try (var c = connect()) {
        for (var entry : expectedInputs.entrySet()) {
          var expected =
              policy.caseStage(entry.getValue(), milestones.get(entry.getKey()), day).stage();
          assertThat(caseStage(c, entry.getKey())).as("case on " + day).isEqualTo(expected.name());
          assertThat(history.stageOn(new CaseId(entry.getKey()), day)).contains(expected);
        }
      }
    }
  }

  /** Cases that entered a stage in a period, as the paged caseload asks for them. */
  private java.util.List<org.clearpath.domain.shared.CaseId> entered(
      Stage stage, java.time.LocalDate from, java.time.LocalDate to) {
    var query =
        org.clearpath.domain.casefile.CaseQuery.firstPage(200)
            .entering(new org.clearpath.domain.casefile.CaseQuery.Entered(stage, from, to));
    return caseFiles.page(query).cases().stream()
        .map(org.clearpath.domain.casefile.CaseSummary::id)
        .toList();
  }
}
