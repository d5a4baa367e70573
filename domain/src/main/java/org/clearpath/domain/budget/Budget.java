package org.clearpath.domain.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.UserId;

/**
 * One version of a case's monthly budget. Versions are never changed: saving writes the next one,
 * so the history shows how the client's situation moved.
 *
 * <p>Disposable income is income minus every expense listed, essential or not: it is what can go to
 * debts each month as things stand. {@link #afterEssentials()} is the most it could be if all other
 * spending stopped. The emergency fund target is 3 to 6 months of essential expenses.
 */
public record Budget(
    CaseId caseId,
    int version,
    Currency currency,
    List<Income> incomes,
    List<Expense> expenses,
    List<Asset> assets,
    String note,
    UserId recordedBy,
    String recordedByName,
    Instant recordedAt) {
  static final int MAX_LINES = 50;
  static final int MAX_LABEL = 100;
  static final int MAX_NOTE = 2000;
  public static final int FUND_MONTHS_LOW = 3;
  public static final int FUND_MONTHS_HIGH = 6;

  public Budget {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(recordedBy, "recordedBy");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (version < 1) {
      throw new IllegalArgumentException("budget versions start at 1");
    }
    incomes = List.copyOf(incomes);
    expenses = List.copyOf(expenses);
    assets = List.copyOf(assets);
    check("incomes", incomes, Income::monthly, currency);
    check("expenses", expenses, Expense::monthly, currency);
    check("assets", assets, Asset::value, currency);
    note = note == null || note.isBlank() ? null : note.strip();
    if (note != null && note.length() > MAX_NOTE) {
      throw new InvalidInput(
          "note",
          "at most " + MAX_NOTE + " characters",
          org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_NOTE));
    }
  }

  private static <T> void check(
      String field, List<T> lines, Function<T, Money> amount, Currency currency) {
    if (lines.size() > MAX_LINES) {
      throw new InvalidInput(
          field,
          "at most " + MAX_LINES + " lines",
          Message.of("refusal.at-most-lines", "max", MAX_LINES));
    }
    for (int i = 0; i < lines.size(); i++) {
      var money = amount.apply(lines.get(i));
      if (!money.currency().equals(currency)) {
        throw new InvalidInput(
            field + "[" + i + "].amount",
            "every amount is in " + currency.getCurrencyCode(),
            Message.of("refusal.amounts-in", "currency", currency.getCurrencyCode()));
      }
      if (money.isNegative()) {
        throw new InvalidInput(
            field + "[" + i + "].amount",
            "an amount is never below zero",
            org.clearpath.domain.shared.Message.of("input.negative"));
      }
    }
  }

  static String label(String label) {
    var stripped = label == null ? "" : label.strip();
    if (stripped.length() > MAX_LABEL) {
      throw new InvalidInput(
          "label",
          "at most " + MAX_LABEL + " characters",
          org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_LABEL));
    }
    return stripped;
  }

  private Money sum(Stream<Money> amounts) {
    return amounts.reduce(Money.zero(currency), Money::plus);
  }

  public Money income() {
    return sum(incomes.stream().map(Income::monthly));
  }

  public Money essentialExpenses() {
    return sum(expenses.stream().filter(Expense::essential).map(Expense::monthly));
  }

  public Money otherExpenses() {
    return sum(expenses.stream().filter(e -> !e.essential()).map(Expense::monthly));
  }

  /** Income minus essential expenses: the ceiling for repayments. */
  public Money afterEssentials() {
    return income().minus(essentialExpenses());
  }

  /** Income minus all expenses: what can go to debts each month. Negative when spending exceeds. */
  public Money disposable() {
    return afterEssentials().minus(otherExpenses());
  }

  public Money assetsTotal() {
    return sum(assets.stream().map(Asset::value));
  }

  public Money liquidSavings() {
    return sum(assets.stream().filter(a -> a.kind().liquid()).map(Asset::value));
  }

  public Money fundTargetLow() {
    return times(essentialExpenses(), FUND_MONTHS_LOW);
  }

  public Money fundTargetHigh() {
    return times(essentialExpenses(), FUND_MONTHS_HIGH);
  }

  private static Money times(Money money, int n) {
    return new Money(money.amount().multiply(BigDecimal.valueOf(n)), money.currency());
  }
}
