package org.clearpath.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.Test;

class BudgetTest {
  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  private static Budget budget(List<Income> incomes, List<Expense> expenses, List<Asset> assets) {
    return new Budget(
        new CaseId(UUID.randomUUID()),
        1,
        Currency.getInstance("CNY"),
        incomes,
        expenses,
        assets,
        "  ",
        new UserId("u"),
        "wang",
        Instant.EPOCH);
  }

  @Test
  void
      disposable_income_is_income_minus_every_expense_and_the_fund_is_3_to_6_months_of_essentials() {
    var b =
        budget(
            List.of(
                new Income(IncomeKind.WAGES, "工资", cny("6500.00")),
                new Income(IncomeKind.SIDE_INCOME, "外卖", cny("1200.50"))),
            List.of(
                new Expense(ExpenseCategory.HOUSING, "房租", cny("2000.00"), true),
                new Expense(ExpenseCategory.FOOD, "", cny("1500.25"), true),
                new Expense(ExpenseCategory.LEISURE, "", cny("300.00"), false)),
            List.of(
                new Asset(AssetKind.SAVINGS, "", cny("4000.00")),
                new Asset(AssetKind.VEHICLE, "电动车", cny("1500.00"))));
    assertThat(b.income()).isEqualTo(cny("7700.50"));
    assertThat(b.essentialExpenses()).isEqualTo(cny("3500.25"));
    assertThat(b.otherExpenses()).isEqualTo(cny("300.00"));
    assertThat(b.afterEssentials()).isEqualTo(cny("4200.25"));
    assertThat(b.disposable()).isEqualTo(cny("3900.25"));
    assertThat(b.fundTargetLow()).isEqualTo(cny("10500.75"));
    assertThat(b.fundTargetHigh()).isEqualTo(cny("21001.50"));
    assertThat(b.liquidSavings()).isEqualTo(cny("4000.00"));
    assertThat(b.assetsTotal()).isEqualTo(cny("5500.00"));
    assertThat(b.note()).isNull();
  }

  @Test
  void disposable_income_can_be_negative() {
    var b =
        budget(
            List.of(new Income(IncomeKind.BENEFITS, "", cny("1000.00"))),
            List.of(new Expense(ExpenseCategory.HOUSING, "", cny("1200.00"), true)),
            List.of());
    assertThat(b.disposable()).isEqualTo(cny("-200.00"));
  }

  @Test
  void refuses_negative_amounts_and_other_currencies_naming_the_line() {
    assertThatThrownBy(
            () ->
                budget(
                    List.of(),
                    List.of(
                        new Expense(ExpenseCategory.FOOD, "", cny("1.00"), true),
                        new Expense(ExpenseCategory.FOOD, "", cny("-1.00"), true)),
                    List.of()))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("expenses[1].amount");
    assertThatThrownBy(
            () ->
                budget(
                    List.of(new Income(IncomeKind.WAGES, "", Money.of("1", "JPY"))),
                    List.of(),
                    List.of()))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("incomes[0].amount");
  }

  @Test
  void essential_categories_by_default() {
    assertThat(ExpenseCategory.HOUSING.essentialByDefault()).isTrue();
    assertThat(ExpenseCategory.MEDICAL.essentialByDefault()).isTrue();
    assertThat(ExpenseCategory.LEISURE.essentialByDefault()).isFalse();
    assertThat(AssetKind.SAVINGS.liquid()).isTrue();
    assertThat(AssetKind.PROPERTY.liquid()).isFalse();
  }
}
