package org.clearpath.domain.shared;

import java.util.function.Supplier;

/**
 * The use cases' unit of work. A use case runs each change in one transaction, which commits when
 * the work returns and rolls back when it throws, and a read of several statements in one read-only
 * transaction, so that it sees one moment. Called inside a transaction already open, the work joins
 * it.
 */
public interface Transactions {

  /** Runs the work in one transaction: everything it writes is kept, or nothing. */
  <T> T inOne(Supplier<T> work);

  /** Runs the work in one read-only transaction. */
  <T> T readOnly(Supplier<T> work);
}
