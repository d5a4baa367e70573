package org.clearpath.persistence.budget;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.clearpath.domain.budget.Asset;
import org.clearpath.domain.budget.AssetKind;
import org.clearpath.domain.budget.Budget;
import org.clearpath.domain.budget.Budgets;
import org.clearpath.domain.budget.Expense;
import org.clearpath.domain.budget.ExpenseCategory;
import org.clearpath.domain.budget.Income;
import org.clearpath.domain.budget.IncomeKind;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.Sql;
import org.clearpath.persistence.SqlFailure;

/** {@link Budgets} in {@code budget} and {@code budget_line}, both append-only by trigger. */
@Singleton
public class JdbcBudgets implements Budgets {
  private final JdbcOperations jdbc;

  JdbcBudgets(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void add(Budget budget) {
    var connection = jdbc.getConnection();
    var caseId = budget.caseId().value();
    try {
      Sql.update(
          connection,
          "insert into budget (case_id, version, currency, note, recorded_by, recorded_by_name,"
              + " recorded_at) values (?, ?, ?, ?, ?, ?, ?)",
          caseId,
          budget.version(),
          budget.currency().getCurrencyCode(),
          budget.note(),
          budget.recordedBy().value(),
          budget.recordedByName(),
          budget.recordedAt());
    } catch (SqlFailure e) {
      if (e.isDuplicate()) {
        throw new StaleVersion("the budget");
      }
      throw e;
    }
    var insert =
        "insert into budget_line (case_id, version, section, position, kind, label, amount,"
            + " essential) values (?, ?, ?, ?, ?, ?, ?, ?)";
    for (int i = 0; i < budget.incomes().size(); i++) {
      var line = budget.incomes().get(i);
      Sql.update(
          connection,
          insert,
          caseId,
          budget.version(),
          "INCOME",
          i,
          line.kind().name(),
          line.label(),
          line.monthly().amount(),
          false);
    }
    for (int i = 0; i < budget.expenses().size(); i++) {
      var line = budget.expenses().get(i);
      Sql.update(
          connection,
          insert,
          caseId,
          budget.version(),
          "EXPENSE",
          i,
          line.category().name(),
          line.label(),
          line.monthly().amount(),
          line.essential());
    }
    for (int i = 0; i < budget.assets().size(); i++) {
      var line = budget.assets().get(i);
      Sql.update(
          connection,
          insert,
          caseId,
          budget.version(),
          "ASSET",
          i,
          line.kind().name(),
          line.label(),
          line.value().amount(),
          false);
    }
  }

  @Override
  @Connectable
  public Optional<Budget> latest(CaseId caseId) {
    return read(caseId, true).stream().findFirst();
  }

  @Override
  @Connectable
  public List<Budget> history(CaseId caseId) {
    return read(caseId, false);
  }

  private record Head(
      int version,
      Currency currency,
      String note,
      String by,
      String byName,
      java.time.Instant at) {}

  private record Line(
      int version,
      String section,
      String kind,
      String label,
      BigDecimal amount,
      boolean essential) {}

  private List<Budget> read(CaseId caseId, boolean latestOnly) {
    var connection = jdbc.getConnection();
    var heads =
        Sql.query(
            connection,
            "select version, currency, note, recorded_by, recorded_by_name, recorded_at from budget"
                + " where case_id = ? order by version desc"
                + (latestOnly ? " limit 1" : ""),
            rows ->
                new Head(
                    rows.getInt("version"),
                    Currency.getInstance(rows.getString("currency").strip()),
                    rows.getString("note"),
                    rows.getString("recorded_by"),
                    rows.getString("recorded_by_name"),
                    rows.getTimestamp("recorded_at").toInstant()),
            caseId.value());
    if (heads.isEmpty()) {
      return List.of();
    }
    var lines =
        Sql.query(
            connection,
            "select version, section, kind, label, amount, essential from budget_line"
                + " where case_id = ? and version >= ? order by version, section, position",
            rows ->
                new Line(
                    rows.getInt("version"),
                    rows.getString("section"),
                    rows.getString("kind"),
                    rows.getString("label"),
                    rows.getBigDecimal("amount"),
                    rows.getBoolean("essential")),
            caseId.value(),
            heads.getLast().version());
    var budgets = new ArrayList<Budget>();
    for (var head : heads) {
      var incomes = new ArrayList<Income>();
      var expenses = new ArrayList<Expense>();
      var assets = new ArrayList<Asset>();
      for (var line : lines) {
        if (line.version() != head.version()) {
          continue;
        }
        var money = new Money(line.amount(), head.currency());
        switch (line.section()) {
          case "INCOME" ->
              incomes.add(new Income(IncomeKind.valueOf(line.kind()), line.label(), money));
          case "EXPENSE" ->
              expenses.add(
                  new Expense(
                      ExpenseCategory.valueOf(line.kind()), line.label(), money, line.essential()));
          default -> assets.add(new Asset(AssetKind.valueOf(line.kind()), line.label(), money));
        }
      }
      budgets.add(
          new Budget(
              caseId,
              head.version(),
              head.currency(),
              incomes,
              expenses,
              assets,
              head.note(),
              new UserId(head.by()),
              head.byName(),
              head.at()));
    }
    return budgets;
  }
}
