package org.clearpath.api.harassment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Locale;
import org.clearpath.domain.harassment.RulePacks;

/**
 * Harassment rules ({@code clearpath.harassment.*}): the office's jurisdiction ({@code CN}, {@code
 * US} or {@code UK}), judged by the rule packs Clearpath ships (CN-CBA-2026 and CN-NIFA-2024 by the
 * lender's kind, US-REGF, UK-CONC-7.9). An unknown jurisdiction stops the app at start.
 */
@ConfigurationProperties("clearpath.harassment")
public record HarassmentSettings(@Bindable(defaultValue = "CN") String jurisdiction) {

  public RulePacks packs() {
    return RulePacks.shipped(jurisdiction.strip().toUpperCase(Locale.ROOT));
  }
}
