package org.clearpath.domain.debt;

import java.util.Currency;
import java.util.Objects;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;

/**
 * What a debt is made of, as the lender states it: principal, interest, penalty interest (罚息) and
 * fees or late charges (滞纳金/违约金). All in one currency, none negative.
 */
public record Amounts(Money principal, Money interest, Money penaltyInterest, Money fees) {
  public Amounts {
    check("amounts.principal", principal);
    check("amounts.interest", interest);
    check("amounts.penaltyInterest", penaltyInterest);
    check("amounts.fees", fees);
    var currency = principal.currency();
    for (var part : new Money[] {interest, penaltyInterest, fees}) {
      if (!part.currency().equals(currency)) {
        throw new InvalidInput(
            "amounts.currency",
            "all parts of a debt must be in one currency",
            Message.of("refusal.all-parts-of-a-debt-must-be"));
      }
    }
  }

  private static void check(String field, Money amount) {
    if (amount == null) {
      throw new InvalidInput(
          field,
          "the amount is required",
          org.clearpath.domain.shared.Message.of("input.required"));
    }
    if (amount.isNegative()) {
      throw new InvalidInput(
          field,
          "an amount cannot be negative",
          org.clearpath.domain.shared.Message.of("input.negative"));
    }
  }

  public Currency currency() {
    return principal.currency();
  }

  public Money total() {
    return principal.plus(interest).plus(penaltyInterest).plus(fees);
  }

  public static Amounts principalOnly(Money principal) {
    var zero = Money.zero(Objects.requireNonNull(principal, "principal").currency());
    return new Amounts(principal, zero, zero, zero);
  }
}
