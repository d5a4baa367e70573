package org.clearpath.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Plain JDBC with positional parameters of the types the adapters use. */
public final class Sql {
  private Sql() {}

  /** Reads one row. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet rows) throws SQLException;
  }

  public static int update(Connection connection, String sql, Object... parameters) {
    try (var statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new org.clearpath.persistence.SqlFailure(sql, e);
    }
  }

  /** A statement whose result, if any, is not needed: a lock taken, a setting, a table made. */
  public static void execute(Connection connection, String sql, Object... parameters) {
    try (var statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.execute();
    } catch (SQLException e) {
      throw new org.clearpath.persistence.SqlFailure(sql, e);
    }
  }

  /** One statement for many rows of parameters, sent as one batch. */
  public static void batch(Connection connection, String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (var statement = connection.prepareStatement(sql)) {
      for (var row : rows) {
        bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new org.clearpath.persistence.SqlFailure(sql, e);
    }
  }

  public static <T> List<T> query(
      Connection connection, String sql, Row<T> row, Object... parameters) {
    return query(connection, sql, false, row, parameters);
  }

  /**
   * {@link #query}, planned by PostgreSQL for these values each time (the driver sends it unnamed
   * instead of preparing it on the server after five runs), never by a generic plan: for filters
   * whose best plan depends on how many rows the values select.
   */
  public static <T> List<T> queryPlannedEachTime(
      Connection connection, String sql, Row<T> row, Object... parameters) {
    return query(connection, sql, true, row, parameters);
  }

  private static <T> List<T> query(
      Connection connection, String sql, boolean eachTime, Row<T> row, Object... parameters) {
    try (var statement = connection.prepareStatement(sql)) {
      if (eachTime) {
        statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
      }
      bind(statement, parameters);
      try (var rows = statement.executeQuery()) {
        var found = new ArrayList<T>();
        while (rows.next()) {
          found.add(row.read(rows));
        }
        return found;
      }
    } catch (SQLException e) {
      throw new org.clearpath.persistence.SqlFailure(sql, e);
    }
  }

  public static LocalDate date(ResultSet rows, String column) throws SQLException {
    var date = rows.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      var p = parameters[i];
      var at = i + 1;
      switch (p) {
        case null -> statement.setNull(at, Types.NULL);
        case UUID uuid -> statement.setObject(at, uuid);
        case UUID[] uuids ->
            statement.setArray(at, statement.getConnection().createArrayOf("uuid", uuids));
        case String[] texts ->
            statement.setArray(at, statement.getConnection().createArrayOf("text", texts));
        case Long[] numbers ->
            statement.setArray(at, statement.getConnection().createArrayOf("bigint", numbers));
        case LocalDate date -> statement.setDate(at, Date.valueOf(date));
        case Instant instant -> statement.setTimestamp(at, Timestamp.from(instant));
        case BigDecimal decimal -> statement.setBigDecimal(at, decimal);
        case Integer n -> statement.setInt(at, n);
        case Long n -> statement.setLong(at, n);
        case Boolean b -> statement.setBoolean(at, b);
        case String s -> statement.setString(at, s);
        case byte[] bytes -> statement.setBytes(at, bytes);
        default -> throw new IllegalArgumentException("cannot bind " + p.getClass());
      }
    }
  }
}
