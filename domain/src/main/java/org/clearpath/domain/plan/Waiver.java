package org.clearpath.domain.plan;

import java.util.Objects;
import org.clearpath.domain.shared.Money;

/** An amount the lender waived. */
public record Waiver(WaiverKind kind, Money amount) {
  public Waiver {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
  }
}
