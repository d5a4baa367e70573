package org.clearpath.domain.erasure;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How long an office keeps a closed case before it is erased, in whole years per jurisdiction (a
 * case's own, else the office's): by default 5 for CN (the internet-finance association's 2018
 * convention keeps collection records at least 5 years) and 3 for US (Regulation F). A case of a
 * jurisdiction with no period is kept.
 */
public record RetentionPeriods(Map<String, Integer> years, String office, ZoneId zone) {
  public static final Map<String, Integer> DEFAULTS = Map.of("CN", 5, "US", 3);

  public RetentionPeriods {
    years = java.util.Collections.unmodifiableMap(new TreeMap<>(years));
    years.forEach(
        (where, n) -> {
          if (n == null || n < 1 || n > 100) {
            throw new IllegalArgumentException(
                "clearpath.retention.years." + where + " is a whole number of years from 1 to 100");
          }
        });
    Objects.requireNonNull(office, "office");
    Objects.requireNonNull(zone, "zone");
  }

  /** For each jurisdiction with a period: cases closed before this moment are past it. */
  public Map<String, Instant> closedBefore(Instant now) {
    var cutoffs = new TreeMap<String, Instant>();
    years.forEach((where, n) -> cutoffs.put(where, now.atZone(zone).minusYears(n).toInstant()));
    return cutoffs;
  }
}
