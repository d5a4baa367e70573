package org.clearpath.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.clearpath.domain.shared.Money;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {
  private final ApprovalPolicy policy =
      new ApprovalPolicy(new BigDecimal("10000"), new BigDecimal("20"));

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  @Test
  void at_the_thresholds_no_approval_is_needed_and_one_past_them_it_is() {
    assertThat(policy.why(cny("10000.00"), cny("0"), cny("100000.00"))).isEmpty();
    assertThat(policy.why(cny("10000.01"), cny("0"), cny("100000.00")))
        .hasValueSatisfying(m -> assertThat(m.code()).isEqualTo("plan.approval.waived-over"));
    assertThat(policy.why(cny("1000.00"), cny("1000.00"), cny("5000.00"))).isEmpty();
    assertThat(policy.why(cny("1003.00"), cny("1003.00"), cny("5000.00")))
        .hasValueSatisfying(
            m -> {
              assertThat(m.code()).isEqualTo("plan.approval.principal-share-over");
              assertThat(m.params()).containsEntry("share", "20.1");
            });
  }

  @Test
  void a_test_set_to_nothing_is_off() {
    var none = new ApprovalPolicy(null, null);
    assertThat(none.why(cny("99999.00"), cny("99999.00"), cny("100000.00"))).isEmpty();
  }
}
