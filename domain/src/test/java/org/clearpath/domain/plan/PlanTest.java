package org.clearpath.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.budget.Budget;
import org.clearpath.domain.budget.Expense;
import org.clearpath.domain.budget.ExpenseCategory;
import org.clearpath.domain.budget.Income;
import org.clearpath.domain.budget.IncomeKind;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.Test;

class PlanTest {
  private static final CaseId CASE = new CaseId(UUID.randomUUID());
  private static final LocalDate FIRST = LocalDate.of(2027, 1, 10);
  private static long clock = 0;

  static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  /** 3 × 100.00 due on 10 Jan, 10 Feb, 10 Mar 2027, agreed on 5 Jan. */
  static Plan agreedPlan() {
    return plan("300.00", 3).agree(LocalDate.of(2027, 1, 5), UUID.randomUUID());
  }

  static Plan plan(String total, int count) {
    return new Plan(
        UUID.randomUUID(),
        CASE,
        PlanKind.INSTALMENTS,
        List.of(new PlanDebt(new DebtId(UUID.randomUUID()), "招联金融", cny("500.00"), cny(total))),
        List.of(new Waiver(WaiverKind.PENALTY_INTEREST, cny("200.00"))),
        cny(total),
        "terms",
        Schedules.monthly(cny(total), count, FIRST),
        PlanStatus.PROPOSED,
        null,
        null,
        null,
        LocalDate.of(2027, 1, 1),
        List.of(),
        new UserId("u"),
        "wang",
        Instant.EPOCH,
        0);
  }

  static PlanPayment payment(String day, String amount) {
    return new PlanPayment(
        UUID.randomUUID(),
        LocalDate.parse(day),
        cny(amount),
        null,
        new UserId("u"),
        "wang",
        Instant.EPOCH.plusSeconds(clock++));
  }

  private static List<InstalmentState> states(Plan plan, String asOf) {
    return plan.standings(LocalDate.parse(asOf)).stream().map(InstalmentStanding::state).toList();
  }

  @Test
  void an_instalment_is_missed_the_day_after_its_due_date_not_on_it() {
    var plan = agreedPlan();
    assertThat(states(plan, "2027-01-10"))
        .containsExactly(
            InstalmentState.UPCOMING, InstalmentState.UPCOMING, InstalmentState.UPCOMING);
    assertThat(plan.missed(LocalDate.parse("2027-01-10"))).isEmpty();
    assertThat(states(plan, "2027-01-11").getFirst()).isEqualTo(InstalmentState.MISSED);
    assertThat(plan.missed(LocalDate.parse("2027-01-11"))).hasSize(1);

    var marked = plan.markMissed(LocalDate.parse("2027-01-11"));
    assertThat(marked.schedule().getFirst().missedOn()).isEqualTo(LocalDate.parse("2027-01-11"));
    assertThat(marked.schedule().get(1).missedOn()).isNull();
    // marking again later keeps the first day it was noticed
    assertThat(marked.markMissed(LocalDate.parse("2027-01-20")).schedule().getFirst().missedOn())
        .isEqualTo(LocalDate.parse("2027-01-11"));
  }

  @Test
  void a_payment_on_the_due_date_is_on_time_and_one_a_day_later_is_late() {
    var onTime = agreedPlan().pay(payment("2027-01-10", "100.00"));
    assertThat(states(onTime, "2027-01-11").getFirst()).isEqualTo(InstalmentState.PAID);
    var late = agreedPlan().pay(payment("2027-01-11", "100.00"));
    assertThat(states(late, "2027-01-11").getFirst()).isEqualTo(InstalmentState.PAID_LATE);
    assertThat(late.missed(LocalDate.parse("2027-01-11"))).isEmpty();
  }

  @Test
  void partial_payments_fill_the_oldest_instalment_first_and_run_on_into_the_next() {
    var plan =
        agreedPlan()
            .pay(payment("2027-01-08", "60.00"))
            .pay(payment("2027-01-09", "70.00")); // 40 completes #1, 30 goes to #2
    var standings = plan.standings(LocalDate.parse("2027-01-09"));
    assertThat(standings.get(0).paid()).isEqualTo(cny("100.00"));
    assertThat(standings.get(0).paidInFullOn()).isEqualTo(LocalDate.parse("2027-01-09"));
    assertThat(standings.get(0).early()).isTrue();
    assertThat(standings.get(1).paid()).isEqualTo(cny("30.00"));
    assertThat(standings.get(1).state()).isEqualTo(InstalmentState.PARTLY_PAID);
    assertThat(standings.get(2).state()).isEqualTo(InstalmentState.UPCOMING);
    assertThat(plan.next(LocalDate.parse("2027-01-09")).orElseThrow().instalment().number())
        .isEqualTo(2);
    assertThat(plan.remaining()).isEqualTo(cny("170.00"));
    // #2 still short after its due date → missed
    assertThat(states(plan, "2027-02-11").get(1)).isEqualTo(InstalmentState.MISSED);
  }

  @Test
  void a_late_payment_clears_the_missed_instalment_before_the_current_one() {
    var plan = agreedPlan().pay(payment("2027-02-10", "100.00"));
    var standings = plan.standings(LocalDate.parse("2027-02-10"));
    assertThat(standings.get(0).state()).isEqualTo(InstalmentState.PAID_LATE);
    assertThat(standings.get(1).state()).isEqualTo(InstalmentState.UPCOMING);
    assertThat(standings.get(1).paid()).isEqualTo(cny("0.00"));
  }

  @Test
  void payments_count_only_from_the_day_they_were_made() {
    var plan = agreedPlan().pay(payment("2027-01-09", "100.00"));
    assertThat(plan.standings(LocalDate.parse("2027-01-08")).getFirst().paid())
        .isEqualTo(cny("0.00"));
  }

  @Test
  void paying_everything_completes_the_plan_and_overpaying_is_refused() {
    var plan = agreedPlan().pay(payment("2027-01-10", "250.00"));
    assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThatThrownBy(() -> plan.pay(payment("2027-01-11", "50.01")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("50.00");
    var done = plan.pay(payment("2027-01-11", "50.00"));
    assertThat(done.status()).isEqualTo(PlanStatus.COMPLETED);
    assertThat(done.remaining().isZero()).isTrue();
    assertThatThrownBy(() -> done.pay(payment("2027-01-12", "1.00")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_payment_before_the_agreement_or_on_a_proposal_is_refused() {
    assertThatThrownBy(() -> agreedPlan().pay(payment("2027-01-04", "10.00")))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("paidOn");
    assertThatThrownBy(() -> plan("300.00", 3).pay(payment("2027-01-10", "10.00")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void lifecycle_agreed_becomes_active_on_the_first_due_date_and_can_break() {
    var agreed = agreedPlan();
    assertThat(agreed.status()).isEqualTo(PlanStatus.AGREED);
    assertThat(agreed.activeIfDue(LocalDate.parse("2027-01-09")).status())
        .isEqualTo(PlanStatus.AGREED);
    assertThat(agreed.activeIfDue(FIRST).status()).isEqualTo(PlanStatus.ACTIVE);
    var broken = agreed.breakOff("lender cancelled", LocalDate.parse("2027-02-01"));
    assertThat(broken.status()).isEqualTo(PlanStatus.BROKEN);
    assertThat(broken.statusReason()).isEqualTo("lender cancelled");
    assertThatThrownBy(() -> broken.breakOff("again", FIRST))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> agreed.agree(FIRST, UUID.randomUUID()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(plan("300.00", 3).withdraw("lender said no", FIRST).status())
        .isEqualTo(PlanStatus.WITHDRAWN);
  }

  @Test
  void terms_add_up_balance_waived_and_agreed() {
    var plan = plan("300.00", 3);
    assertThat(plan.balanceBefore()).isEqualTo(cny("500.00"));
    assertThat(plan.waived()).isEqualTo(cny("200.00"));
  }

  private static Budget budget(String income, String rent, String leisure) {
    return new Budget(
        CASE,
        1,
        java.util.Currency.getInstance("CNY"),
        List.of(new Income(IncomeKind.WAGES, "salary", cny(income))),
        List.of(
            new Expense(ExpenseCategory.HOUSING, "rent", cny(rent), true),
            new Expense(ExpenseCategory.LEISURE, "", cny(leisure), false)),
        List.of(),
        null,
        new UserId("u"),
        "wang",
        Instant.EPOCH);
  }

  @Test
  void affordability_warns_for_the_months_the_plans_ask_more_than_is_disposable() {
    var today = LocalDate.parse("2027-01-01");
    // disposable 100.00: the 100.00 instalments fit exactly
    var fits =
        Affordability.of(
            Optional.of(budget("1000.00", "800.00", "100.00")), List.of(agreedPlan()), today);
    assertThat(fits.disposable()).contains(cny("100.00"));
    assertThat(fits.exceeds()).isFalse();
    assertThat(fits.months()).containsEntry(YearMonth.of(2027, 1), cny("100.00")).hasSize(3);
    // one fen less disposable: every month is over
    var over =
        Affordability.of(
            Optional.of(budget("1000.00", "800.00", "100.01")), List.of(agreedPlan()), today);
    assertThat(over.exceeds()).isTrue();
    assertThat(over.overMonths())
        .containsExactly(YearMonth.of(2027, 1), YearMonth.of(2027, 2), YearMonth.of(2027, 3));
    // two plans in force add up; withdrawn and completed ones do not count
    var two =
        Affordability.of(
            Optional.of(budget("1000.00", "700.00", "100.00")),
            List.of(agreedPlan(), agreedPlan(), plan("900.00", 3).withdraw("no", FIRST)),
            today);
    assertThat(two.months()).containsEntry(YearMonth.of(2027, 2), cny("200.00"));
    assertThat(two.overMonths()).isEmpty();
    // a missed instalment still owed counts in the current month
    var late =
        Affordability.of(
            Optional.of(budget("1000.00", "800.00", "100.00")),
            List.of(agreedPlan()),
            LocalDate.parse("2027-02-15"));
    assertThat(late.months()).containsEntry(YearMonth.of(2027, 2), cny("200.00"));
    assertThat(late.overMonths()).containsExactly(YearMonth.of(2027, 2));
    // without a budget there is nothing to compare against
    var none = Affordability.of(Optional.empty(), List.of(agreedPlan()), today);
    assertThat(none.hasBudget()).isFalse();
    assertThat(none.exceeds()).isFalse();
    assertThat(none.heaviest().orElseThrow().getValue()).isEqualTo(cny("100.00"));
  }
}
