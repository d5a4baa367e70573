package org.clearpath.domain.debt;

import java.util.List;
import java.util.Optional;

/** The lender directory. Names are unique regardless of case. */
public interface Lenders {

  /** Adds the lender; {@link org.clearpath.domain.shared.InvalidInput} on a taken name. */
  void add(Lender lender);

  Optional<Lender> find(LenderId id);

  List<Lender> all();

  /** The lenders of these ids that are in the directory, by id. */
  java.util.Map<LenderId, Lender> named(java.util.Collection<LenderId> ids);
}
