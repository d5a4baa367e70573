package org.clearpath.persistence.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.budget.Asset;
import org.clearpath.domain.budget.AssetKind;
import org.clearpath.domain.budget.Budget;
import org.clearpath.domain.budget.Expense;
import org.clearpath.domain.budget.ExpenseCategory;
import org.clearpath.domain.budget.Income;
import org.clearpath.domain.budget.IncomeKind;
import org.clearpath.domain.debt.Amounts;
import org.clearpath.domain.debt.Debt;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.DebtStatus;
import org.clearpath.domain.debt.Due;
import org.clearpath.domain.debt.Lender;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.debt.LenderKind;
import org.clearpath.domain.plan.Plan;
import org.clearpath.domain.plan.PlanDebt;
import org.clearpath.domain.plan.PlanKind;
import org.clearpath.domain.plan.PlanPayment;
import org.clearpath.domain.plan.PlanStatus;
import org.clearpath.domain.plan.Schedules;
import org.clearpath.domain.plan.Waiver;
import org.clearpath.domain.plan.WaiverKind;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.task.Task;
import org.clearpath.domain.task.TaskKind;
import org.clearpath.persistence.budget.JdbcBudgets;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.debt.JdbcDebts;
import org.clearpath.persistence.debt.JdbcLenders;
import org.clearpath.persistence.task.JdbcTasks;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanStoreTest implements TestPropertyProvider {
  private static final Instant AT = Instant.parse("2026-11-20T14:30:00Z");
  private static final Currency CNY = Currency.getInstance("CNY");
  @Inject JdbcCaseFiles caseFiles;
  @Inject JdbcBudgets budgets;
  @Inject JdbcPlans plans;
  @Inject JdbcTasks tasks;
  @Inject JdbcCalendarFeeds feeds;
  @Inject JdbcDebts debts;
  @Inject JdbcLenders lenders;
  @Inject org.clearpath.persistence.stage.JdbcLegalMilestones legal;
  @Inject org.clearpath.persistence.testing.ToldStandings told;
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  private CaseId aCase(String counselor) {
    return org.clearpath.persistence.testing.TestCases.open(caseFiles, counselor, AT);
  }

  private DebtId aDebt(CaseId caseId) {
    var lender =
        new Lender(
            new LenderId(UUID.randomUUID()),
            "招联金融 " + UUID.randomUUID(),
            LenderKind.CONSUMER_FINANCE);
    lenders.add(lender);
    var id = new DebtId(UUID.randomUUID());
    debts.add(
        new Debt(
            id,
            caseId,
            lender,
            null,
            new Amounts(cny("1000.00"), cny("0"), cny("0"), cny("0")),
            List.of(new Due(LocalDate.of(2026, 10, 1), cny("1000.00"))),
            List.of(),
            DebtStatus.OPEN,
            0));
    return id;
  }

  private Budget budget(CaseId caseId, int version, String wages) {
    return new Budget(
        caseId,
        version,
        CNY,
        List.of(new Income(IncomeKind.WAGES, "工资", cny(wages))),
        List.of(
            new Expense(ExpenseCategory.HOUSING, "房租", cny("2000.00"), true),
            new Expense(ExpenseCategory.LEISURE, "", cny("100.50"), false)),
        List.of(new Asset(AssetKind.SAVINGS, "", cny("3000.00"))),
        "v" + version,
        new UserId("c1"),
        "wang",
        AT.plusSeconds(version));
  }

  @Test
  void budget_versions_round_trip_and_a_version_is_written_once() throws Exception {
    var caseId = aCase("c1");
    budgets.add(budget(caseId, 1, "5000.00"));
    budgets.add(budget(caseId, 2, "6000.00"));
    assertThat(budgets.latest(caseId).orElseThrow()).isEqualTo(budget(caseId, 2, "6000.00"));
    assertThat(budgets.history(caseId))
        .containsExactly(budget(caseId, 2, "6000.00"), budget(caseId, 1, "5000.00"));
    assertThatThrownBy(() -> budgets.add(budget(caseId, 2, "7000.00")))
        .isInstanceOf(StaleVersion.class);
    assertThat(budgets.latest(aCase("c1"))).isEmpty();
    assertThatThrownBy(() -> database.execute("update budget_line set amount = 1"))
        .hasMessageContaining("append-only");
  }

  private Plan plan(CaseId caseId, DebtId debt) {
    return new Plan(
        UUID.randomUUID(),
        caseId,
        PlanKind.INTEREST_STOP,
        List.of(new PlanDebt(debt, "招联金融", cny("1000.00"), cny("900.00"))),
        List.of(new Waiver(WaiverKind.PENALTY_INTEREST, cny("100.00"))),
        cny("900.00"),
        "停息挂账 3 期",
        Schedules.monthly(cny("900.00"), 3, LocalDate.of(2027, 1, 31)),
        PlanStatus.PROPOSED,
        null,
        null,
        null,
        LocalDate.of(2026, 11, 20),
        List.of(),
        new UserId("c1"),
        "wang",
        AT,
        0);
  }

  @Test
  void every_store_of_what_a_case_owes_names_the_case_for_its_stage_to_follow() {
    told.drain(); // what the other tests stored
    var caseId = aCase("c1");
    var other = aCase("c1");
    assertThat(told.drain()).as("a new case gets its first stage").containsExactly(caseId, other);
    var debt = aDebt(caseId);
    assertThat(told.drain()).as("a debt with its dues").containsExactly(caseId);
    debts.addRepayment(
        debt, new org.clearpath.domain.debt.Repayment(LocalDate.of(2026, 10, 5), cny("10.00")), 0);
    assertThat(told.drain()).as("a repayment").containsExactly(caseId);
    debts.correct(debt, "信用卡", new Amounts(cny("900.00"), cny("0"), cny("0"), cny("0")), 1);
    assertThat(told.drain()).as("corrected amounts").containsExactly(caseId);
    debts.changeStatus(debt, DebtStatus.SETTLED, 2);
    assertThat(told.drain()).as("a status").containsExactly(caseId);
    assertThatThrownBy(() -> debts.changeStatus(debt, DebtStatus.OPEN, 2))
        .isInstanceOf(StaleVersion.class);
    assertThat(told.drain()).as("a stale write changes nothing").isEmpty();
    legal.add(
        other,
        new org.clearpath.domain.stage.LegalMilestone(
            org.clearpath.domain.stage.LegalMilestone.Kind.LAWSUIT_FILED,
            LocalDate.of(2026, 11, 1),
            null));
    assertThat(told.drain()).as("a legal step").containsExactly(other);
    var plan = plan(other, aDebt(other));
    told.drain();
    plans.add(plan);
    assertThat(told.drain()).as("a plan").containsExactly(other);
    plans.update(plan.withdraw("lender said no", LocalDate.of(2026, 11, 21)));
    assertThat(told.drain()).as("a plan's change").containsExactly(other);
  }

  @Test
  void plans_round_trip_move_on_under_their_version_and_keep_payments() throws Exception {
    var caseId = aCase("c1");
    var plan = plan(caseId, aDebt(caseId));
    plans.add(plan);
    assertThat(plans.find(plan.id())).contains(plan);
    assertThat(plans.ofCase(caseId)).containsExactly(plan);
    assertThat(plans.toWatch(LocalDate.of(2027, 6, 1))).doesNotContain(plan.id());

    var file = UUID.randomUUID();
    database.execute(
        "insert into evidence_file (id, case_id, file_name, media_type, size_bytes, sha256, source,"
            + " uploaded_by, uploaded_by_name, uploaded_at) values ('"
            + file
            + "', '"
            + caseId
            + "', 'a.pdf', 'application/pdf', 1, repeat('0', 64), 'STAFF', 'c1', 'c', now())");
    var agreed = plan.agree(LocalDate.of(2026, 11, 21), file);
    plans.update(agreed);
    var paid =
        plans
            .find(plan.id())
            .orElseThrow()
            .pay(
                new PlanPayment(
                    UUID.randomUUID(),
                    LocalDate.of(2026, 11, 22),
                    cny("300.00"),
                    "微信转账",
                    new UserId("c1"),
                    "wang",
                    AT))
            .markMissed(LocalDate.of(2027, 3, 1));
    plans.update(paid);
    var stored = plans.find(plan.id()).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(stored.payments())
        .hasSize(1)
        .first()
        .extracting(PlanPayment::note)
        .isEqualTo("微信转账");
    assertThat(stored.schedule().get(1).missedOn()).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(stored.schedule().get(0).missedOn()).isNull();
    // 300.00 paid covers instalment 1 (31 Jan); 2 (28 Feb) is marked; 3 (31 Mar) is not yet due
    assertThat(plans.toWatch(LocalDate.of(2027, 3, 31))).doesNotContain(plan.id());
    // on 1 April the third is due and unpaid
    assertThat(plans.toWatch(LocalDate.of(2027, 4, 1))).contains(plan.id());
    assertThat(plans.atRisk(LocalDate.of(2026, 1, 1), org.clearpath.domain.shared.Reach.everyone()))
        .extracting(Plan::id)
        .contains(plan.id());
    // a second writer with the old version loses
    assertThatThrownBy(() -> plans.update(paid)).isInstanceOf(StaleVersion.class);
    assertThatThrownBy(() -> database.execute("update plan_payment set amount = 1"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> database.execute("delete from plan_debt"))
        .hasMessageContaining("append-only");
    // never agreed without the signed agreement, even past the application
    assertThatThrownBy(
            () ->
                database.execute(
                    "update plan set agreement_file = null where id = '" + plan.id() + "'"))
        .hasMessageContaining("check");
  }

  @Test
  void a_missed_instalment_raises_one_task_which_follows_the_case_and_is_done_once() {
    var caseId = aCase("c7");
    var plan = plan(caseId, aDebt(caseId));
    plans.add(plan);
    var task =
        new Task(
            UUID.randomUUID(),
            caseId,
            TaskKind.INSTALMENT_MISSED,
            plan.id(),
            1,
            LocalDate.of(2027, 1, 31),
            cny("300.00"),
            AT,
            null,
            null);
    tasks.add(task);
    tasks.add(
        new Task(
            UUID.randomUUID(),
            caseId,
            TaskKind.INSTALMENT_MISSED,
            plan.id(),
            1,
            LocalDate.of(2027, 1, 31),
            cny("300.00"),
            AT,
            null,
            null));
    assertThat(tasks.open(org.clearpath.domain.shared.Reach.caseload(new UserId("c7")), 0, 50))
        .hasSize(1)
        .first()
        .satisfies(
            line -> {
              assertThat(line.task()).isEqualTo(task);
              assertThat(line.clientName()).isEqualTo("陈小明");
            });
    assertThat(tasks.countOpen(org.clearpath.domain.shared.Reach.caseload(new UserId("c7"))))
        .isEqualTo(1);
    assertThat(
            tasks.open(
                org.clearpath.domain.shared.Reach.caseload(new UserId("someone-else")), 0, 50))
        .isEmpty();
    assertThat(
            tasks.countOpen(org.clearpath.domain.shared.Reach.caseload(new UserId("someone-else"))))
        .isZero();
    assertThat(tasks.open(org.clearpath.domain.shared.Reach.everyone(), 0, 50))
        .extracting(l -> l.task().id())
        .contains(task.id());
    // a later task comes on the next page, oldest first
    var later =
        new Task(
            UUID.randomUUID(),
            caseId,
            TaskKind.INSTALMENT_MISSED,
            plan.id(),
            2,
            LocalDate.of(2027, 2, 28),
            cny("300.00"),
            AT.plusSeconds(60),
            null,
            null);
    tasks.add(later);
    assertThat(tasks.countOpen(org.clearpath.domain.shared.Reach.caseload(new UserId("c7"))))
        .isEqualTo(2);
    assertThat(tasks.open(org.clearpath.domain.shared.Reach.caseload(new UserId("c7")), 0, 1))
        .extracting(l -> l.task().id())
        .containsExactly(task.id());
    assertThat(tasks.open(org.clearpath.domain.shared.Reach.caseload(new UserId("c7")), 1, 1))
        .extracting(l -> l.task().id())
        .containsExactly(later.id());
    assertThat(tasks.done(later.id(), AT, new UserId("c7"), "wang")).isTrue();
    assertThat(tasks.done(task.id(), AT, new UserId("c7"), "wang")).isTrue();
    assertThat(tasks.done(task.id(), AT, new UserId("c7"), "wang")).isFalse();
    assertThat(tasks.open(org.clearpath.domain.shared.Reach.caseload(new UserId("c7")), 0, 50))
        .isEmpty();
    assertThat(tasks.find(task.id()).orElseThrow().doneByName()).isEqualTo("wang");
  }

  @Test
  void a_calendar_feed_is_found_by_its_hash_replaced_and_revoked() {
    var caseId = aCase("c1");
    feeds.replace(caseId, "a".repeat(64), new UserId("client"), AT);
    assertThat(feeds.caseFor("a".repeat(64))).contains(caseId);
    feeds.replace(caseId, "b".repeat(64), new UserId("client"), AT.plusSeconds(5));
    assertThat(feeds.caseFor("a".repeat(64))).isEmpty();
    assertThat(feeds.createdAt(caseId)).contains(AT.plusSeconds(5));
    assertThat(feeds.revoke(caseId)).isTrue();
    assertThat(feeds.revoke(caseId)).isFalse();
    assertThat(feeds.caseFor("b".repeat(64))).isEmpty();
  }
}
