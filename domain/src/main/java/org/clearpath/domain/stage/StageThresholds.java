package org.clearpath.domain.stage;

import org.clearpath.domain.shared.Stage;

/**
 * Where each stage begins, in days past due. Configuration, not code: the defaults are the guides'
 * 1–7 early, 8–30 mid, 31+ late.
 */
public record StageThresholds(int earlyFrom, int midFrom, int lateFrom) {
  public static final StageThresholds DEFAULT = new StageThresholds(1, 8, 31);

  public StageThresholds {
    if (earlyFrom < 1 || midFrom <= earlyFrom || lateFrom <= midFrom) {
      throw new IllegalArgumentException(
          "stage thresholds must rise: 1 <= early < mid < late, got "
              + earlyFrom
              + ", "
              + midFrom
              + ", "
              + lateFrom);
    }
  }

  public Stage stageFor(int daysPastDue) {
    if (daysPastDue >= lateFrom) {
      return Stage.LATE;
    }
    if (daysPastDue >= midFrom) {
      return Stage.MID;
    }
    if (daysPastDue >= earlyFrom) {
      return Stage.EARLY;
    }
    return Stage.CURRENT;
  }
}
