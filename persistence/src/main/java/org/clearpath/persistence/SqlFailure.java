package org.clearpath.persistence;

import java.sql.SQLException;

/** A statement failed; keeps the SQL state so that adapters can tell a conflict from a fault. */
public final class SqlFailure extends RuntimeException {
  private final String sqlState;

  public SqlFailure(String sql, SQLException cause) {
    super("failed: " + sql.strip().lines().findFirst().orElse(sql), cause);
    this.sqlState = cause.getSQLState();
  }

  /** A unique constraint was violated. */
  public boolean isDuplicate() {
    return "23505".equals(sqlState);
  }
}
