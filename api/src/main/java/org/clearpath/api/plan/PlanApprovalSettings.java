package org.clearpath.api.plan;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.math.BigDecimal;
import org.clearpath.domain.plan.ApprovalPolicy;

/**
 * When a proposal needs a supervisor's approval ({@code clearpath.plans.approval.*}): more than
 * {@code waived-over} waived in all (major units of the plan's currency; default 10000), or more
 * than {@code principal-share-over} percent of the covered principal waived (default 20); 0 or less
 * turns a test off.
 */
@ConfigurationProperties("clearpath.plans.approval")
public record PlanApprovalSettings(
    @Bindable(defaultValue = "10000") BigDecimal waivedOver,
    @Bindable(defaultValue = "20") BigDecimal principalShareOver) {

  public ApprovalPolicy policy() {
    return new ApprovalPolicy(
        waivedOver.signum() > 0 ? waivedOver : null,
        principalShareOver.signum() > 0 ? principalShareOver : null);
  }
}
