package org.clearpath.domain.supervision;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.clearpath.domain.shared.Stage;

/**
 * How many days after its last review (or its opening) a case is due for the next, by its stage: by
 * default legal and late cases every 14 days, the others every 30; days are the office's ({@code
 * zone}).
 */
public record ReviewIntervals(Map<Stage, Integer> days, java.time.ZoneId zone) {
  public static final int DEFAULT_DAYS = 30;

  public ReviewIntervals {
    var copy = new EnumMap<Stage, Integer>(Stage.class);
    days.forEach(
        (stage, n) -> {
          if (n == null || n < 1 || n > 365) {
            throw new IllegalArgumentException(
                "clearpath.reviews.days." + stage.name().toLowerCase() + ": 1 to 365 days");
          }
          copy.put(stage, n);
        });
    days = java.util.Collections.unmodifiableMap(copy);
    java.util.Objects.requireNonNull(zone, "zone");
  }

  public static ReviewIntervals defaults(java.time.ZoneId zone) {
    return new ReviewIntervals(Map.of(Stage.LEGAL, 14, Stage.LATE, 14), zone);
  }

  public int of(Stage stage) {
    return days.getOrDefault(stage, DEFAULT_DAYS);
  }

  public LocalDate next(LocalDate base, Stage stage) {
    return base.plusDays(of(stage));
  }
}
