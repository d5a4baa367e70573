package org.clearpath.domain.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clearpath.domain.debt.Due;
import org.clearpath.domain.debt.Repayment;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StagePolicyTest {
  private static final LocalDate DUE = LocalDate.of(2026, 10, 1);
  private final StagePolicy policy = new StagePolicy(StageThresholds.DEFAULT);

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  private static DebtStanding unpaid(String label, LocalDate due, String amount) {
    return new DebtStanding(label, true, List.of(new Due(due, cny(amount))), List.of());
  }

  @ParameterizedTest(name = "{0} days past due is {1}")
  @CsvSource({"0, CURRENT", "1, EARLY", "7, EARLY", "8, MID", "30, MID", "31, LATE", "400, LATE"})
  void the_stage_follows_days_past_due_at_every_boundary(int days, Stage expected) {
    var debt = unpaid("招联", DUE, "1000.00");
    var assessment = policy.caseStage(List.of(debt), List.of(), DUE.plusDays(days));
    assertThat(debt.daysPastDue(DUE.plusDays(days))).isEqualTo(days);
    assertThat(assessment.stage()).isEqualTo(expected);
    assertThat(assessment.reason())
        .contains("招联")
        .contains(days == 0 ? "nothing past due" : days + " days past due");
    assertThat(assessment.why())
        .isEqualTo(
            days == 0
                ? new Message("stage.nothing-past-due", Map.of("lender", "招联"))
                : new Message(
                    "stage.days-past-due", Map.of("lender", "招联", "days", String.valueOf(days))));
  }

  @Test
  void a_debt_is_not_past_due_before_or_on_its_due_date() {
    var debt = unpaid("x", DUE, "10.00");
    assertThat(debt.daysPastDue(DUE.minusDays(5))).isZero();
    assertThat(debt.daysPastDue(DUE)).isZero();
  }

  @Test
  void a_partial_repayment_leaves_the_oldest_due_unpaid() {
    var dues = List.of(new Due(DUE, cny("500.00")), new Due(DUE.plusMonths(1), cny("500.00")));
    var partly = new DebtStanding("x", true, dues, List.of(new Repayment(DUE, cny("499.99"))));
    assertThat(partly.daysPastDue(DUE.plusDays(10))).isEqualTo(10);

    var firstPaid = new DebtStanding("x", true, dues, List.of(new Repayment(DUE, cny("500.00"))));
    assertThat(firstPaid.daysPastDue(DUE.plusDays(10))).isZero();
    // the second due (1 Nov) is now the oldest unpaid one
    assertThat(firstPaid.daysPastDue(DUE.plusMonths(1).plusDays(8))).isEqualTo(8);
  }

  @Test
  void a_repayment_counts_only_from_the_day_it_was_made() {
    var debt =
        new DebtStanding(
            "x",
            true,
            List.of(new Due(DUE, cny("100.00"))),
            List.of(new Repayment(DUE.plusDays(20), cny("100.00"))));
    assertThat(debt.daysPastDue(DUE.plusDays(19))).isEqualTo(19);
    assertThat(debt.daysPastDue(DUE.plusDays(20))).isZero();
  }

  @Test
  void dues_are_paid_oldest_first_whatever_order_they_were_recorded_in() {
    var debt =
        new DebtStanding(
            "x",
            true,
            List.of(new Due(DUE.plusMonths(1), cny("100.00")), new Due(DUE, cny("100.00"))),
            List.of(new Repayment(DUE, cny("100.00"))));
    assertThat(debt.daysPastDue(DUE.plusMonths(1).plusDays(3))).isEqualTo(3);
  }

  @Test
  void the_worst_open_debt_decides_and_closed_debts_do_not_count() {
    var early = unpaid("花呗", DUE.plusDays(25), "50.00");
    var late = unpaid("信用卡", DUE, "9000.00");
    var closedButOld =
        new DebtStanding("网贷", false, List.of(new Due(DUE.minusYears(1), cny("1.00"))), List.of());
    var asOf = DUE.plusDays(31);

    var assessment = policy.caseStage(List.of(early, late, closedButOld), List.of(), asOf);
    assertThat(assessment.stage()).isEqualTo(Stage.LATE);
    assertThat(assessment.reason()).contains("信用卡");
    assertThat(policy.caseStage(List.of(early, closedButOld), List.of(), asOf).stage())
        .isEqualTo(Stage.EARLY);
  }

  @Test
  void a_case_whose_debts_are_all_closed_is_resolved_and_one_without_debts_is_current() {
    var closed = new DebtStanding("x", false, List.of(new Due(DUE, cny("1.00"))), List.of());
    assertThat(policy.caseStage(List.of(closed), List.of(), DUE.plusDays(90)).stage())
        .isEqualTo(Stage.RESOLVED);
    assertThat(policy.caseStage(List.of(), List.of(), DUE).stage()).isEqualTo(Stage.CURRENT);
  }

  @Test
  void a_legal_milestone_in_force_overrides_days_past_due_and_ends_when_it_ends() {
    var debt = unpaid("x", DUE, "100.00");
    var lawsuit =
        new LegalMilestone(LegalMilestone.Kind.LAWSUIT_FILED, DUE.plusDays(40), DUE.plusDays(60));

    assertThat(policy.caseStage(List.of(debt), List.of(lawsuit), DUE.plusDays(39)).stage())
        .isEqualTo(Stage.LATE);
    var legal = policy.caseStage(List.of(debt), List.of(lawsuit), DUE.plusDays(40));
    assertThat(legal.stage()).isEqualTo(Stage.LEGAL);
    assertThat(legal.reason()).contains("LAWSUIT_FILED");
    assertThat(legal.why().code()).isEqualTo("stage.legal");
    assertThat(legal.why().params()).containsEntry("kind", "LAWSUIT_FILED");
    assertThat(policy.caseStage(List.of(debt), List.of(lawsuit), DUE.plusDays(59)).stage())
        .isEqualTo(Stage.LEGAL);
    assertThat(policy.caseStage(List.of(debt), List.of(lawsuit), DUE.plusDays(60)).stage())
        .isEqualTo(Stage.LATE);
    // even with every debt closed, a listing as dishonest debtor keeps the case legal
    var closed = new DebtStanding("x", false, List.of(new Due(DUE, cny("1.00"))), List.of());
    var listing = new LegalMilestone(LegalMilestone.Kind.DISHONEST_DEBTOR_LISTING, DUE, null);
    assertThat(policy.caseStage(List.of(closed), List.of(listing), DUE.plusYears(1)).stage())
        .isEqualTo(Stage.LEGAL);
  }

  @Test
  void thresholds_are_configuration_and_must_rise() {
    var strict = new StagePolicy(new StageThresholds(1, 4, 15));
    var debt = unpaid("x", DUE, "1.00");
    assertThat(strict.caseStage(List.of(debt), List.of(), DUE.plusDays(4)).stage())
        .isEqualTo(Stage.MID);
    assertThat(strict.caseStage(List.of(debt), List.of(), DUE.plusDays(15)).stage())
        .isEqualTo(Stage.LATE);
    assertThatThrownBy(() -> new StageThresholds(1, 8, 8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StageThresholds(0, 8, 31))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void impossible_amounts_and_dates_are_refused_with_the_field_named() {
    assertThatThrownBy(() -> new Due(DUE, cny("0.00")))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("dues.amount"));
    assertThatThrownBy(() -> new Repayment(DUE, cny("-1.00")))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("repayments.amount"));
    assertThatThrownBy(() -> new LegalMilestone(LegalMilestone.Kind.JUDGMENT, DUE, DUE))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("endedOn"));
  }
}
