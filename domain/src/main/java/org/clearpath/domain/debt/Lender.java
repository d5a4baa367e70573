package org.clearpath.domain.debt;

import java.util.Objects;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/** A lender in the directory shared by all cases: 招商银行信用卡, 花呗, a named online platform… */
public record Lender(LenderId id, String name, LenderKind kind) {
  public Lender {
    Objects.requireNonNull(id, "id");
    if (name == null || name.isBlank()) {
      throw new InvalidInput(
          "name",
          "the lender's name is required",
          org.clearpath.domain.shared.Message.of("input.required"));
    }
    name = name.strip();
    if (name.length() > 200) {
      throw new InvalidInput(
          "name",
          "the lender's name is longer than 200 characters",
          Message.of("input.max-length", "max", 200));
    }
    if (kind == null) {
      throw new InvalidInput(
          "kind",
          "the kind of lender is required",
          Message.of("refusal.the-kind-of-lender-is-required"));
    }
  }
}
