package org.clearpath.api.supervision;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.Transactions;
import org.clearpath.domain.supervision.CaseReview;
import org.clearpath.domain.supervision.CaseReviews;
import org.clearpath.domain.supervision.ReviewIntervals;
import org.clearpath.domain.supervision.ReviewingCases;
import org.clearpath.domain.task.Tasks;

/**
 * Supervisors' case reviews: when the next is due (an interval per stage, {@code
 * clearpath.reviews.days.<stage>}), the reviews so far, and a new one whose actions become the
 * counselor's tasks.
 */
@Controller("/api/cases/{id}/reviews")
@Tag(name = "supervision")
public class ReviewController {
  private final ReviewingCases reviewing;
  private final StageSettings settings;
  private final java.time.Clock clock;

  ReviewController(ReviewingCases reviewing, StageSettings settings, java.time.Clock clock) {
    this.reviewing = reviewing;
    this.settings = settings;
    this.clock = clock;
  }

  @Factory
  static class Configuration {
    @Singleton
    ReviewIntervals reviewIntervals(Environment environment, StageSettings settings) {
      var days = new EnumMap<Stage, Integer>(Stage.class);
      days.putAll(ReviewIntervals.defaults(settings.zoneId()).days());
      for (var stage : Stage.values()) {
        environment
            .getProperty(
                "clearpath.reviews.days." + stage.name().toLowerCase(Locale.ROOT), Integer.class)
            .ifPresent(n -> days.put(stage, n));
      }
      return new ReviewIntervals(days, settings.zoneId());
    }

    @Singleton
    ReviewingCases reviewingCases(
        GuardedCases cases,
        CaseReviews reviews,
        Tasks tasks,
        Transactions transactions,
        ReviewIntervals intervals) {
      return new ReviewingCases(cases, reviews, tasks, transactions, intervals);
    }
  }

  @Serdeable
  public record ActionView(String text, String dueOn) {}

  @Serdeable
  public record ReviewView(
      String id,
      String reviewedAt,
      String byName,
      List<String> checked,
      @Nullable String note,
      List<ActionView> actions) {
    static ReviewView of(CaseReview r) {
      return new ReviewView(
          r.id().toString(),
          r.reviewedAt().toString(),
          r.byName(),
          r.checked().stream().map(Enum::name).toList(),
          r.note(),
          r.actions().stream().map(a -> new ActionView(a.text(), a.dueOn().toString())).toList());
    }
  }

  @Serdeable
  public record StandingView(
      String nextDue, int intervalDays, boolean overdue, List<ReviewView> reviews) {}

  @Serdeable
  public record ActionRequest(@Nullable String text, @Nullable String dueOn) {}

  @Serdeable
  public record ReviewRequest(
      @Nullable List<String> checked,
      @Nullable String note,
      @Nullable List<ActionRequest> actions) {}

  @Operation(summary = "When the case's next review is due and its reviews so far (staff)")
  @Get
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public StandingView standing(@PathVariable String id, Authentication auth) {
    var standing = reviewing.standing(Inputs.caseId(id), Principals.actor(auth));
    return new StandingView(
        standing.nextDue().toString(),
        standing.intervalDays(),
        standing.nextDue().isBefore(settings.today(clock)),
        standing.reviews().stream().map(ReviewView::of).toList());
  }

  @Operation(summary = "Record a review (supervisors); each action becomes the counselor's task")
  @Post
  @Secured(Roles.SUPERVISOR)
  public HttpResponse<ReviewView> review(
      @PathVariable String id, @Body @Nullable ReviewRequest request, Authentication auth) {
    var actor = Principals.actor(auth);
    var caseId = Inputs.caseId(id);
    if (request == null) {
      throw new InvalidInput(
          "checked", "say what the review looked at", Message.of("input.review-checked"));
    }
    var checked = new ArrayList<CaseReview.Check>();
    var given = request.checked() == null ? List.<String>of() : request.checked();
    for (int i = 0; i < given.size(); i++) {
      checked.add(Inputs.oneOf("checked[" + i + "]", given.get(i), CaseReview.Check.class));
    }
    var actions = new ArrayList<CaseReview.Action>();
    var asked = request.actions() == null ? List.<ActionRequest>of() : request.actions();
    for (int i = 0; i < asked.size() && i <= ReviewingCases.MAX_ACTIONS; i++) {
      var a = asked.get(i);
      actions.add(
          new CaseReview.Action(
              a.text() == null ? "" : a.text(),
              Inputs.date(
                  "actions[" + i + "].dueOn", a.dueOn(), settings.today(clock).plusYears(1))));
    }
    return HttpResponse.created(
        ReviewView.of(reviewing.review(caseId, checked, request.note(), actions, actor)));
  }
}
