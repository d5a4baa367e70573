package org.clearpath.domain.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.Transactions;
import org.clearpath.domain.task.Task;
import org.clearpath.domain.task.TaskKind;
import org.clearpath.domain.task.Tasks;

/**
 * Use case: a supervisor reviews a case; each action becomes a task of the counselor's, due on its
 * day, in the same transaction as the review and its audit entry. Staff of the case read when the
 * next review is due and the reviews so far.
 */
public final class ReviewingCases {
  public static final int MAX_NOTE = 4000;
  public static final int MAX_ACTIONS = 10;
  public static final int MAX_ACTION = 300;
  private final GuardedCases cases;
  private final CaseReviews reviews;
  private final Tasks tasks;
  private final Transactions transactions;
  private final ReviewIntervals intervals;

  public ReviewingCases(
      GuardedCases cases,
      CaseReviews reviews,
      Tasks tasks,
      Transactions transactions,
      ReviewIntervals intervals) {
    this.cases = cases;
    this.reviews = reviews;
    this.tasks = tasks;
    this.transactions = transactions;
    this.intervals = intervals;
  }

  /** When the next review is due, and the reviews so far, newest first. */
  public record Standing(LocalDate nextDue, int intervalDays, List<CaseReview> reviews) {}

  public Standing standing(CaseId caseId, Actor actor) {
    return transactions.readOnly(
        () -> {
          var caseFile = cases.internal(caseId, actor, "the case's reviews");
          var base =
              reviews
                  .reviewBase(caseId)
                  .orElse(caseFile.openedAt())
                  .atZone(intervals.zone())
                  .toLocalDate();
          return new Standing(
              intervals.next(base, caseFile.stage()),
              intervals.of(caseFile.stage()),
              reviews.ofCase(caseId));
        });
  }

  public CaseReview review(
      CaseId caseId,
      List<CaseReview.Check> checked,
      String note,
      List<CaseReview.Action> actions,
      Actor actor) {
    if (!actor.is(Role.SUPERVISOR)) {
      throw new NotPermitted("a supervisor reviews cases");
    }
    return transactions.inOne(
        () -> {
          cases.internal(caseId, actor, "a case review");
          var looked = new LinkedHashSet<>(checked == null ? List.<CaseReview.Check>of() : checked);
          if (looked.isEmpty()) {
            throw new InvalidInput(
                "checked", "say what the review looked at", Message.of("input.review-checked"));
          }
          var text = note == null || note.isBlank() ? null : note.strip();
          if (text != null && text.length() > MAX_NOTE) {
            throw new InvalidInput(
                "note",
                "at most " + MAX_NOTE + " characters",
                Message.of("input.max-length", "max", MAX_NOTE));
          }
          var asked = actions == null ? List.<CaseReview.Action>of() : actions;
          if (asked.size() > MAX_ACTIONS) {
            throw new InvalidInput(
                "actions",
                "at most " + MAX_ACTIONS + " actions",
                Message.of("input.max-items", "max", MAX_ACTIONS));
          }
          var today = cases.now().atZone(intervals.zone()).toLocalDate();
          var kept = new ArrayList<CaseReview.Action>();
          for (int i = 0; i < asked.size(); i++) {
            var action = asked.get(i);
            var what = action.text().strip();
            if (what.isEmpty() || what.length() > MAX_ACTION) {
              throw new InvalidInput(
                  "actions[" + i + "].text",
                  "1 to " + MAX_ACTION + " characters",
                  Message.of("input.max-length", "max", MAX_ACTION));
            }
            if (action.dueOn().isBefore(today) || action.dueOn().isAfter(today.plusYears(1))) {
              throw new InvalidInput(
                  "actions[" + i + "].dueOn",
                  "from today to a year from now",
                  Message.of("input.review-action-due"));
            }
            kept.add(new CaseReview.Action(what, action.dueOn()));
          }
          var now = cases.now();
          var review =
              new CaseReview(
                  UUID.randomUUID(),
                  caseId,
                  now,
                  actor.id(),
                  actor.username(),
                  List.copyOf(looked),
                  text,
                  kept);
          reviews.add(review);
          for (var action : kept) {
            tasks.add(
                new Task(
                    UUID.randomUUID(),
                    caseId,
                    TaskKind.REVIEW_ACTION,
                    null,
                    null,
                    action.dueOn(),
                    null,
                    now,
                    null,
                    null,
                    action.text()));
          }
          cases.audit(
              caseId,
              actor,
              "case.reviewed",
              Map.of(
                  "checked",
                  String.join(",", looked.stream().map(Enum::name).toList()),
                  "actions",
                  String.valueOf(kept.size())));
          return review;
        });
  }
}
