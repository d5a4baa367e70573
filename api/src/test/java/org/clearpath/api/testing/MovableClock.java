package org.clearpath.api.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock, moved by a test to later days (for the daily jobs and "today"). Used
 * only where a test sets {@code clearpath.test.movable-clock=true}.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = "clearpath.test.movable-clock", value = "true")
public class MovableClock extends Clock {
  private volatile Instant now = Instant.now();

  /** Noon in Shanghai on {@code day}. */
  public void moveTo(LocalDate day) {
    now = day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
