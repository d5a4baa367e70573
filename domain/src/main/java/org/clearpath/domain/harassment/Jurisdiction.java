package org.clearpath.domain.harassment;

import java.time.LocalTime;
import java.util.List;

/**
 * A set of rules for one place. The presets follow DOMAIN.md and the issue: mainland China and the
 * US (Regulation F). Other sets are configuration: any list of {@link Rule}s.
 */
public record Jurisdiction(String code, List<Rule> rules) {
  public Jurisdiction {
    rules = List.copyOf(rules);
  }

  /** No collection contact 22:00–08:00; more than 6 calls a day to one number; third parties. */
  public static Jurisdiction mainlandChina() {
    return new Jurisdiction(
        "CN",
        List.of(
            new Rule.QuietHours("cn.quiet-hours", LocalTime.of(22, 0), true, LocalTime.of(8, 0)),
            new Rule.CallsPerDayToOneNumber("cn.calls-per-day", 6),
            new Rule.ThirdPartyContact("cn.third-party")));
  }

  /**
   * Regulation F: more than 7 calls in 7 days per debt; a call within 7 days of a conversation;
   * before 8:00 or after 21:00.
   */
  public static Jurisdiction unitedStatesRegF() {
    return new Jurisdiction(
        "US",
        List.of(
            new Rule.CallsPerDebtInWindow("us.regf.7-in-7", 7, 7),
            new Rule.CallAfterConversation("us.regf.after-conversation", 7),
            new Rule.QuietHours(
                "us.inconvenient-time", LocalTime.of(21, 0), false, LocalTime.of(8, 0))));
  }

  public List<Finding> findIn(List<CollectionContact> contacts) {
    return rules.stream().flatMap(rule -> rule.findIn(contacts).stream()).toList();
  }
}
