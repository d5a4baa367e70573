package org.clearpath.domain.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;

/**
 * When a proposal needs a supervisor's approval before it can be agreed: it waives more than {@code
 * waivedOver} in all (in the plan's currency, major units), or more than {@code principalShareOver}
 * percent of the covered debts' principal. {@code null}: that test is off.
 */
public record ApprovalPolicy(BigDecimal waivedOver, BigDecimal principalShareOver) {

  /** Why this proposal needs approval, or empty when it does not. */
  public Optional<Message> why(Money waived, Money principalWaived, Money principal) {
    if (waivedOver != null && waived.amount().compareTo(waivedOver) > 0) {
      return Optional.of(
          new Message(
              "plan.approval.waived-over",
              java.util.Map.of(
                  "waived", waived.amount().toPlainString(),
                  "limit", waivedOver.stripTrailingZeros().toPlainString(),
                  "currency", waived.currency().getCurrencyCode())));
    }
    if (principalShareOver != null && principal.isPositive()) {
      var share =
          principalWaived
              .amount()
              .multiply(BigDecimal.valueOf(100))
              .divide(principal.amount(), 1, RoundingMode.HALF_UP);
      if (share.compareTo(principalShareOver) > 0) {
        return Optional.of(
            Message.of(
                "plan.approval.principal-share-over",
                "share",
                share.toPlainString(),
                "limit",
                principalShareOver.stripTrailingZeros().toPlainString()));
      }
    }
    return Optional.empty();
  }
}
