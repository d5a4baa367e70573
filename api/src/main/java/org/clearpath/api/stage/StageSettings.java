package org.clearpath.api.stage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.ZoneId;
import org.clearpath.domain.stage.StageThresholds;

/**
 * Stage configuration ({@code clearpath.stage.*}): where each stage begins in days past due, and
 * the time zone whose calendar day the daily job records.
 */
@ConfigurationProperties("clearpath.stage")
public record StageSettings(
    @Bindable(defaultValue = "1") int earlyFrom,
    @Bindable(defaultValue = "8") int midFrom,
    @Bindable(defaultValue = "31") int lateFrom,
    @Bindable(defaultValue = "Asia/Shanghai") String zone) {

  public StageThresholds thresholds() {
    return new StageThresholds(earlyFrom, midFrom, lateFrom);
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  /** Today's calendar day in the office's zone: the day stages are recorded for. */
  public java.time.LocalDate today(java.time.Clock clock) {
    return java.time.LocalDate.now(clock.withZone(zoneId()));
  }
}
