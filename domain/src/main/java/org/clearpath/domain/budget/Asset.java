package org.clearpath.domain.budget;

import java.util.Objects;
import org.clearpath.domain.shared.Money;

/** Something the client owns, at its estimated value. */
public record Asset(AssetKind kind, String label, Money value) {
  public Asset {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    label = Budget.label(label);
  }
}
