package org.clearpath.domain.wellbeing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.UserId;

/**
 * One check: stress, sleep trouble and shame from 0 (not at all) to 3 (very much), and how often in
 * the last two weeks the client had thoughts of harming themselves (the direct question, asked as
 * PHQ-9 asks its ninth). Any such thoughts are a crisis answer.
 */
public record WellbeingCheck(
    UUID id,
    CaseId caseId,
    Occasion occasion,
    int stress,
    int sleep,
    int shame,
    SelfHarm selfHarm,
    String note,
    Instant at,
    UserId by,
    String byName) {
  public static final int MAX_NOTE = 2000;

  /** When the check was made. */
  public enum Occasion {
    INTAKE,
    FOLLOW_UP
  }

  /** How often thoughts of self-harm came in the last two weeks; or the client would not say. */
  public enum SelfHarm {
    NOT_AT_ALL,
    SEVERAL_DAYS,
    MORE_THAN_HALF_THE_DAYS,
    NEARLY_EVERY_DAY,
    DECLINED
  }

  public WellbeingCheck {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(byName, "byName");
    if (occasion == null) {
      throw new InvalidInput(
          "occasion", "say when the check is made", Message.of("input.required"));
    }
    scale("stress", stress);
    scale("sleep", sleep);
    scale("shame", shame);
    if (selfHarm == null) {
      throw new InvalidInput(
          "selfHarm",
          "the question about thoughts of self-harm is always asked",
          Message.of("input.self-harm-asked"));
    }
    note = note == null || note.isBlank() ? null : note.strip();
    if (note != null && note.length() > MAX_NOTE) {
      throw new InvalidInput(
          "note",
          "at most " + MAX_NOTE + " characters",
          Message.of("input.max-length", "max", MAX_NOTE));
    }
  }

  private static void scale(String field, int value) {
    if (value < 0 || value > 3) {
      throw new InvalidInput(
          field,
          "from 0 (not at all) to 3 (very much)",
          Message.of("input.whole-number", "min", 0, "max", 3));
    }
  }

  /** A crisis answer: thoughts of self-harm on some days or more. */
  public boolean crisis() {
    return selfHarm == SelfHarm.SEVERAL_DAYS
        || selfHarm == SelfHarm.MORE_THAN_HALF_THE_DAYS
        || selfHarm == SelfHarm.NEARLY_EVERY_DAY;
  }
}
