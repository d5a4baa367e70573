package org.clearpath.persistence.debt;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
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
import org.clearpath.persistence.Sql;

/**
 * {@link Debts} in {@code debt}, {@code debt_due} and {@code debt_repayment}. Every write tells
 * {@link StandingChanges} whose case it was, so the case's stage follows in the same transaction.
 */
@Singleton
public class JdbcDebts implements Debts {
  // a debt with its dues and repayments in one row: one statement for any number of debts
  private static final String SELECT_DEBTS =
      """
      select d.id, d.case_id, d.product, d.currency, d.principal, d.interest, d.penalty_interest,
             d.fees, d.status, d.version, l.id as lender_id, l.name as lender_name,
             l.kind as lender_kind,
             array(select u.due_date from debt_due u where u.debt_id = d.id
                   order by u.due_date, u.id) as due_dates,
             array(select u.amount from debt_due u where u.debt_id = d.id
                   order by u.due_date, u.id) as due_amounts,
             array(select r.paid_on from debt_repayment r where r.debt_id = d.id
                   order by r.paid_on, r.id) as paid_dates,
             array(select r.amount from debt_repayment r where r.debt_id = d.id
                   order by r.paid_on, r.id) as paid_amounts
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
    var a = debt.amounts();
    var connection = jdbc.getConnection();
    Sql.update(
        connection,
        "insert into debt (id, case_id, lender_id, product, currency, principal, interest,"
            + " penalty_interest, fees, status, version) values (?,?,?,?,?,?,?,?,?,?,0)",
        debt.id().value(),
        debt.caseId().value(),
        debt.lender().id().value(),
        debt.product(),
        a.currency().getCurrencyCode(),
        a.principal().amount(),
        a.interest().amount(),
        a.penaltyInterest().amount(),
        a.fees().amount(),
        debt.status().name());
    for (var due : debt.dues()) {
      Sql.update(
          connection,
          "insert into debt_due (debt_id, due_date, amount) values (?, ?, ?)",
          debt.id().value(),
          due.dueDate(),
          due.amount().amount());
    }
    for (var repayment : debt.repayments()) {
      insertRepayment(connection, debt.id(), repayment);
    }
    standing.changed(debt.caseId());
  }

  @Override
  @Connectable
  public Optional<Debt> find(DebtId id) {
    return load(SELECT_DEBTS + " where d.id = ?", id.value()).stream().findFirst();
  }

  @Override
  @Connectable
  public List<Debt> ofCase(CaseId caseId) {
    return load(SELECT_DEBTS + " where d.case_id = ? order by l.name, d.id", caseId.value());
  }

  @Override
  @Transactional
  public void addRepayment(DebtId id, Repayment repayment, long expectedVersion) {
    var connection = jdbc.getConnection();
    var caseId = bumpVersion(connection, id, expectedVersion, null);
    insertRepayment(connection, id, repayment);
    standing.changed(caseId);
  }

  @Override
  @Transactional
  public void correct(DebtId id, String product, Amounts amounts, long expectedVersion) {
    var connection = jdbc.getConnection();
    var caseId = bumpVersion(connection, id, expectedVersion, null);
    Sql.update(
        connection,
        "update debt set product = ?, principal = ?, interest = ?, penalty_interest = ?,"
            + " fees = ? where id = ?",
        product,
        amounts.principal().amount(),
        amounts.interest().amount(),
        amounts.penaltyInterest().amount(),
        amounts.fees().amount(),
        id.value());
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
    return Sql.query(
            connection,
            "update debt set version = version + 1, status = coalesce(?, status)"
                + " where id = ? and version = ? returning case_id",
            rows -> new CaseId(rows.getObject(1, UUID.class)),
            status == null ? null : status.name(),
            id.value(),
            expectedVersion)
        .stream()
        .findFirst()
        .orElseThrow(() -> new StaleVersion("debt " + id));
  }

  private static void insertRepayment(Connection connection, DebtId id, Repayment repayment) {
    Sql.update(
        connection,
        "insert into debt_repayment (debt_id, paid_on, amount) values (?, ?, ?)",
        id.value(),
        repayment.paidOn(),
        repayment.amount().amount());
  }

  private List<Debt> load(String sql, UUID key) {
    return Sql.query(jdbc.getConnection(), sql, JdbcDebts::debt, key);
  }

  private static Debt debt(ResultSet row) throws SQLException {
    var currency = Currency.getInstance(row.getString("currency").strip());
    // numeric(19,4) comes back as 1000.0000; Money brings it to the currency's own scale
    java.util.function.Function<BigDecimal, Money> money = amount -> new Money(amount, currency);
    var dueDates = (Date[]) row.getArray("due_dates").getArray();
    var dueAmounts = (BigDecimal[]) row.getArray("due_amounts").getArray();
    var paidDates = (Date[]) row.getArray("paid_dates").getArray();
    var paidAmounts = (BigDecimal[]) row.getArray("paid_amounts").getArray();
    var dues = new ArrayList<Due>(dueDates.length);
    for (int i = 0; i < dueDates.length; i++) {
      dues.add(new Due(dueDates[i].toLocalDate(), money.apply(dueAmounts[i])));
    }
    var repayments = new ArrayList<Repayment>(paidDates.length);
    for (int i = 0; i < paidDates.length; i++) {
      repayments.add(new Repayment(paidDates[i].toLocalDate(), money.apply(paidAmounts[i])));
    }
    return new Debt(
        new DebtId(row.getObject("id", UUID.class)),
        new CaseId(row.getObject("case_id", UUID.class)),
        new Lender(
            new org.clearpath.domain.debt.LenderId(row.getObject("lender_id", UUID.class)),
            row.getString("lender_name"),
            org.clearpath.domain.debt.LenderKind.valueOf(row.getString("lender_kind"))),
        row.getString("product"),
        new Amounts(
            money.apply(row.getBigDecimal("principal")),
            money.apply(row.getBigDecimal("interest")),
            money.apply(row.getBigDecimal("penalty_interest")),
            money.apply(row.getBigDecimal("fees"))),
        List.copyOf(dues),
        List.copyOf(repayments),
        DebtStatus.valueOf(row.getString("status")),
        row.getLong("version"));
  }
}
