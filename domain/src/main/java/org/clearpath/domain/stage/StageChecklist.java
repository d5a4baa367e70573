package org.clearpath.domain.stage;

import java.util.List;
import java.util.Map;
import org.clearpath.domain.shared.Stage;

/**
 * The recommended actions per stage, from the guides (DOMAIN.md, "what the counselor works on").
 * Items are stable keys; their texts are translated in the web UI, in this order.
 */
public final class StageChecklist {
  private static final Map<Stage, List<String>> ITEMS =
      Map.of(
          Stage.CURRENT, List.of("contact-before-due", "check-debts", "list-budget"),
          Stage.EARLY,
              List.of(
                  "verify-amount", "contact-lender", "propose-plan", "ask-waiver", "gather-proof"),
          Stage.MID, List.of("full-inventory", "staged-plan", "wellbeing", "professional-help"),
          Stage.LATE,
              List.of("legal-risk", "lawful-claims", "deep-negotiation", "complain-harassment"),
          Stage.LEGAL, List.of("court-deadlines", "claim-review", "settlement"),
          Stage.RESOLVED, List.of("close-case", "credit-repair"));

  private StageChecklist() {}

  public static List<String> itemsOf(Stage stage) {
    return ITEMS.get(stage);
  }

  public static boolean has(Stage stage, String item) {
    return ITEMS.get(stage).contains(item);
  }
}
