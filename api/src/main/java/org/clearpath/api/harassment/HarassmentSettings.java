package org.clearpath.api.harassment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.clearpath.domain.harassment.Jurisdiction;
import org.clearpath.domain.harassment.Rule;

/**
 * Harassment rules ({@code clearpath.harassment.*}): a jurisdiction's preset ({@code CN}: mainland
 * China, {@code US}: Regulation F) with every threshold open to change. Unset thresholds keep the
 * preset's value.
 */
@ConfigurationProperties("clearpath.harassment")
public record HarassmentSettings(
    @Bindable(defaultValue = "CN") String jurisdiction,
    @Nullable LocalTime quietFrom,
    @Nullable LocalTime quietUntil,
    @Nullable Integer callsPerDay,
    @Nullable Integer callsInWindow,
    @Nullable Integer windowDays,
    @Nullable Integer conversationDays,
    @Nullable Boolean thirdParty) {

  public Jurisdiction rules() {
    var rules = new ArrayList<Rule>();
    switch (jurisdiction.toUpperCase(java.util.Locale.ROOT)) {
      case "CN" -> {
        rules.add(
            new Rule.QuietHours(
                "cn.quiet-hours",
                or(quietFrom, LocalTime.of(22, 0)),
                true,
                or(quietUntil, LocalTime.of(8, 0))));
        rules.add(new Rule.CallsPerDayToOneNumber("cn.calls-per-day", or(callsPerDay, 6)));
        if (or(thirdParty, true)) {
          rules.add(new Rule.ThirdPartyContact("cn.third-party"));
        }
      }
      case "US" -> {
        rules.add(
            new Rule.CallsPerDebtInWindow(
                "us.regf.7-in-7", or(callsInWindow, 7), or(windowDays, 7)));
        rules.add(
            new Rule.CallAfterConversation("us.regf.after-conversation", or(conversationDays, 7)));
        rules.add(
            new Rule.QuietHours(
                "us.inconvenient-time",
                or(quietFrom, LocalTime.of(21, 0)),
                false,
                or(quietUntil, LocalTime.of(8, 0))));
        if (or(thirdParty, false)) {
          rules.add(new Rule.ThirdPartyContact("us.third-party"));
        }
      }
      default ->
          throw new IllegalStateException(
              "clearpath.harassment.jurisdiction must be CN or US, not " + jurisdiction);
    }
    return new Jurisdiction(jurisdiction.toUpperCase(java.util.Locale.ROOT), List.copyOf(rules));
  }

  private static <T> T or(T value, T preset) {
    return value == null ? preset : value;
  }
}
