package org.clearpath.domain.plan;

/**
 * How the balance is repaid. Waivers combine with any kind (e.g. interest-stop instalments with the
 * penalty interest waived).
 */
public enum PlanKind {
  /** 分期还款: monthly instalments. */
  INSTALMENTS(120),
  /** 停息挂账: interest stops; the balance in at most 60 monthly instalments. */
  INTEREST_STOP(60),
  /** 延期还款: the due date moves later (may cost more interest); one or more payments. */
  EXTENSION(120),
  /** 一次性结清: one discounted payment. */
  SETTLEMENT(1);

  private final int maxInstalments;

  PlanKind(int maxInstalments) {
    this.maxInstalments = maxInstalments;
  }

  public int maxInstalments() {
    return maxInstalments;
  }
}
