package org.clearpath.persistence.debt;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.debt.Amounts;
import org.clearpath.domain.debt.Debt;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.DebtStatus;
import org.clearpath.domain.debt.Debts;
import org.clearpath.domain.debt.Due;
import org.clearpath.domain.debt.Lender;
import org.clearpath.domain.debt.Repayment;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.StandingChanges;

/**
 * {@link Debts} in {@code debt}, {@code debt_due} and {@code debt_repayment}. Every write tells
 * {@link StandingChanges} whose case it was, so the case's stage follows in the same transaction.
 */
@Singleton
public class JdbcDebts implements Debts {
  private static final String SELECT_DEBTS =
      """
      select d.id, d.case_id, d.product, d.currency, d.principal, d.interest, d.penalty_interest,
             d.fees, d.status, d.version, l.id as lender_id, l.name as lender_name,
             l.kind as lender_kind
      from debt d join lender l on l.id = d.lender_id
      """;

  private final JdbcOperations jdbc;
  private final StandingChanges standing;

  JdbcDebts(JdbcOperations jdbc, StandingChanges standing) {
    this.jdbc = jdbc;
    this.standing = standing;
  }

  @Override
  @Transactional
  public void add(Debt debt) {
    var connection = jdbc.getConnection();
    try (var insert =
        connection.prepareStatement(
            "insert into debt (id, case_id, lender_id, product, currency, principal, interest,"
                + " penalty_interest, fees, status, version) values (?,?,?,?,?,?,?,?,?,?,0)")) {
      var a = debt.amounts();
      insert.setObject(1, debt.id().value());
      insert.setObject(2, debt.caseId().value());
      insert.setObject(3, debt.lender().id().value());
      insert.setString(4, debt.product());
      insert.setString(5, a.currency().getCurrencyCode());
      insert.setBigDecimal(6, a.principal().amount());
      insert.setBigDecimal(7, a.interest().amount());
      insert.setBigDecimal(8, a.penaltyInterest().amount());
      insert.setBigDecimal(9, a.fees().amount());
      insert.setString(10, debt.status().name());
      insert.executeUpdate();
      for (var due : debt.dues()) {
        insertDue(connection, debt.id(), due);
      }
      for (var repayment : debt.repayments()) {
        insertRepayment(connection, debt.id(), repayment);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store debt " + debt.id(), e);
    }
    standing.changed(debt.caseId());
  }

  @Override
  @ReadOnly
  public Optional<Debt> find(DebtId id) {
    return load(SELECT_DEBTS + " where d.id = ?", id.value()).stream().findFirst();
  }

  @Override
  @ReadOnly
  public List<Debt> ofCase(CaseId caseId) {
    return load(SELECT_DEBTS + " where d.case_id = ? order by l.name, d.id", caseId.value());
  }

  @Override
  @Transactional
  public void addRepayment(DebtId id, Repayment repayment, long expectedVersion) {
    var connection = jdbc.getConnection();
    var caseId = bumpVersion(connection, id, expectedVersion, null);
    try {
      insertRepayment(connection, id, repayment);
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the repayment", e);
    }
    standing.changed(caseId);
  }

  @Override
  @Transactional
  public void correct(DebtId id, String product, Amounts amounts, long expectedVersion) {
    var connection = jdbc.getConnection();
    var caseId = bumpVersion(connection, id, expectedVersion, null);
    try (var update =
        connection.prepareStatement(
            "update debt set product = ?, principal = ?, interest = ?, penalty_interest = ?,"
                + " fees = ? where id = ?")) {
      update.setString(1, product);
      update.setBigDecimal(2, amounts.principal().amount());
      update.setBigDecimal(3, amounts.interest().amount());
      update.setBigDecimal(4, amounts.penaltyInterest().amount());
      update.setBigDecimal(5, amounts.fees().amount());
      update.setObject(6, id.value());
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not correct debt " + id, e);
    }
    standing.changed(caseId);
  }

  @Override
  @Transactional
  public void changeStatus(DebtId id, DebtStatus status, long expectedVersion) {
    standing.changed(bumpVersion(jdbc.getConnection(), id, expectedVersion, status));
  }

  /** The debt's case; {@link StaleVersion} if the debt moved on meanwhile. */
  private static CaseId bumpVersion(
      Connection connection, DebtId id, long expectedVersion, DebtStatus status) {
    try (var update =
        connection.prepareStatement(
            "update debt set version = version + 1, status = coalesce(?, status)"
                + " where id = ? and version = ? returning case_id")) {
      update.setString(1, status == null ? null : status.name());
      update.setObject(2, id.value());
      update.setLong(3, expectedVersion);
      try (var updated = update.executeQuery()) {
        if (!updated.next()) {
          throw new StaleVersion("debt " + id);
        }
        return new CaseId(updated.getObject(1, UUID.class));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not update debt " + id, e);
    }
  }

  private static void insertDue(Connection connection, DebtId id, Due due) throws SQLException {
    try (var insert =
        connection.prepareStatement(
            "insert into debt_due (debt_id, due_date, amount) values (?, ?, ?)")) {
      insert.setObject(1, id.value());
      insert.setDate(2, Date.valueOf(due.dueDate()));
      insert.setBigDecimal(3, due.amount().amount());
      insert.executeUpdate();
    }
  }

  private static void insertRepayment(Connection connection, DebtId id, Repayment repayment)
      throws SQLException {
    try (var insert =
        connection.prepareStatement(
            "insert into debt_repayment (debt_id, paid_on, amount) values (?, ?, ?)")) {
      insert.setObject(1, id.value());
      insert.setDate(2, Date.valueOf(repayment.paidOn()));
      insert.setBigDecimal(3, repayment.amount().amount());
      insert.executeUpdate();
    }
  }

  private record Row(
      UUID id,
      UUID caseId,
      String product,
      Currency currency,
      BigDecimal[] amounts,
      DebtStatus status,
      long version,
      Lender lender) {}

  private List<Debt> load(String sql, UUID key) {
    var connection = jdbc.getConnection();
    try (var select = connection.prepareStatement(sql)) {
      select.setObject(1, key);
      var rows = new ArrayList<Row>();
      try (var result = select.executeQuery()) {
        while (result.next()) {
          rows.add(
              new Row(
                  result.getObject("id", UUID.class),
                  result.getObject("case_id", UUID.class),
                  result.getString("product"),
                  Currency.getInstance(result.getString("currency").strip()),
                  new BigDecimal[] {
                    result.getBigDecimal("principal"),
                    result.getBigDecimal("interest"),
                    result.getBigDecimal("penalty_interest"),
                    result.getBigDecimal("fees")
                  },
                  DebtStatus.valueOf(result.getString("status")),
                  result.getLong("version"),
                  new Lender(
                      new org.clearpath.domain.debt.LenderId(
                          result.getObject("lender_id", UUID.class)),
                      result.getString("lender_name"),
                      org.clearpath.domain.debt.LenderKind.valueOf(
                          result.getString("lender_kind")))));
        }
      }
      if (rows.isEmpty()) {
        return List.of();
      }
      var ids = rows.stream().map(Row::id).toArray(UUID[]::new);
      var dues = new HashMap<UUID, List<Object[]>>();
      var repayments = new HashMap<UUID, List<Object[]>>();
      children(
          connection,
          "select debt_id, due_date, amount from debt_due where debt_id = any(?) order by due_date, id",
          ids,
          dues);
      children(
          connection,
          "select debt_id, paid_on, amount from debt_repayment where debt_id = any(?) order by paid_on, id",
          ids,
          repayments);
      return rows.stream().map(row -> toDebt(row, dues, repayments)).toList();
    } catch (SQLException e) {
      throw new IllegalStateException("could not read debts", e);
    }
  }

  private static void children(
      Connection connection, String sql, UUID[] ids, Map<UUID, List<Object[]>> into)
      throws SQLException {
    try (var select = connection.prepareStatement(sql)) {
      select.setArray(1, connection.createArrayOf("uuid", ids));
      try (var result = select.executeQuery()) {
        while (result.next()) {
          into.computeIfAbsent(result.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new Object[] {result.getDate(2).toLocalDate(), result.getBigDecimal(3)});
        }
      }
    }
  }

  private static Debt toDebt(
      Row row, Map<UUID, List<Object[]>> dues, Map<UUID, List<Object[]>> repayments) {
    // numeric(19,4) comes back as 1000.0000; Money brings it to the currency's own scale
    java.util.function.Function<BigDecimal, Money> money =
        amount -> new Money(amount, row.currency());
    return new Debt(
        new DebtId(row.id()),
        new CaseId(row.caseId()),
        row.lender(),
        row.product(),
        new Amounts(
            money.apply(row.amounts()[0]),
            money.apply(row.amounts()[1]),
            money.apply(row.amounts()[2]),
            money.apply(row.amounts()[3])),
        dues.getOrDefault(row.id(), List.of()).stream()
            .map(d -> new Due((java.time.LocalDate) d[0], money.apply((BigDecimal) d[1])))
            .toList(),
        repayments.getOrDefault(row.id(), List.of()).stream()
            .map(r -> new Repayment((java.time.LocalDate) r[0], money.apply((BigDecimal) r[1])))
            .toList(),
        row.status(),
        row.version());
  }
}
