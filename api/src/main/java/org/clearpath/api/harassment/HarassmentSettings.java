package org.clearpath.api.harassment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.env.Environment;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Locale;
import org.clearpath.domain.harassment.PackDefinitions;
import org.clearpath.domain.harassment.RulePacks;

/**
 * Harassment rules ({@code clearpath.harassment.*}): the office's jurisdiction ({@code CN}, {@code
 * US} or {@code UK}, or one of the office's own packs), judged by the rule packs Clearpath ships
 * (CN-CBA-2026 and CN-NIFA-2024 by the lender's kind, US-REGF, UK-CONC-7.9) with the office's own
 * {@code packs} and {@code governing} over them (see {@link PackDefinitions} and the README). An
 * unknown jurisdiction or an invalid pack stops the app at start, naming the pack and the field.
 */
@ConfigurationProperties("clearpath.harassment")
public record HarassmentSettings(@Bindable(defaultValue = "CN") String jurisdiction) {

  public RulePacks packs(Environment environment) {
    List<?> packs = environment.getProperty("clearpath.harassment.packs", List.class).orElse(null);
    // lists keep what YAML wrote (a map's keys would come back flattened and lower-cased)
    List<?> governing =
        environment.getProperty("clearpath.harassment.governing", List.class).orElse(null);
    return PackDefinitions.apply(packs, governing, jurisdiction.strip().toUpperCase(Locale.ROOT));
  }
}
