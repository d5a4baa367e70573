package org.clearpath.domain.debt;

import java.util.List;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/** What the counselor records about a new debt. */
public record NewDebt(LenderId lender, String product, Amounts amounts, List<Due> dues) {
  public NewDebt {
    if (lender == null) {
      throw new InvalidInput(
          "lenderId",
          "choose a lender from the directory",
          org.clearpath.domain.shared.Message.of("input.required"));
    }
    if (amounts == null) {
      throw new InvalidInput(
          "amounts", "the amounts are required", Message.of("refusal.the-amounts-are-required"));
    }
    dues = dues == null ? List.of() : List.copyOf(dues);
  }
}
