package org.clearpath.persistence;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;
import org.clearpath.domain.shared.Transactions;

/** {@link Transactions} as the data source's transactions (propagation: required). */
@Singleton
public class JdbcTransactions implements Transactions {
  private final TransactionOperations<Connection> operations;

  JdbcTransactions(TransactionOperations<Connection> operations) {
    this.operations = operations;
  }

  @Override
  public <T> T inOne(Supplier<T> work) {
    return operations.executeWrite(status -> work.get());
  }

  @Override
  public <T> T readOnly(Supplier<T> work) {
    return operations.executeRead(status -> work.get());
  }
}
