package org.clearpath.api.task;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.task.WorkingTasks;

/** Open tasks: a counselor's on their cases, a supervisor's on every case. */
@Controller("/api/tasks")
@Tag(name = "tasks")
public class TaskController {
  private final WorkingTasks tasks;

  TaskController(WorkingTasks tasks) {
    this.tasks = tasks;
  }

  @Serdeable
  public record TaskView(
      String id,
      String caseId,
      String clientName,
      String counselorName,
      String kind,
      @Nullable String planId,
      @Nullable Integer instalment,
      @Nullable String dueOn,
      @Nullable String amount,
      @Nullable String currency,
      String createdAt,
      @io.swagger.v3.oas.annotations.media.Schema(
              description = "what a supervisor's review asked (REVIEW_ACTION)")
          @Nullable
          String note) {}

  @Operation(
      summary =
          "Open tasks, oldest first; one page (size <= 200, default 20), X-Total-Count gives how"
              + " many in all")
  @Get("{?page,size}")
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public HttpResponse<List<TaskView>> open(
      @QueryValue @Nullable String page, @QueryValue @Nullable String size, Authentication auth) {
    var found = tasks.open(Principals.actor(auth), Inputs.page(page), Inputs.size(size, 20));
    return Inputs.paged(views(found.tasks()), found.total());
  }

  private static List<TaskView> views(List<org.clearpath.domain.task.TaskLine> lines) {
    return lines.stream()
        .map(
            line -> {
              var t = line.task();
              return new TaskView(
                  t.id().toString(),
                  t.caseId().toString(),
                  line.clientName(),
                  line.counselorName(),
                  t.kind().name(),
                  t.planId() == null ? null : t.planId().toString(),
                  t.instalment(),
                  t.dueOn() == null ? null : t.dueOn().toString(),
                  t.amount() == null ? null : t.amount().amount().toPlainString(),
                  t.amount() == null ? null : t.amount().currency().getCurrencyCode(),
                  t.createdAt().toString(),
                  t.note());
            })
        .toList();
  }

  @Operation(
      summary = "Mark a task done (the case's counselor; a supervisor too for a wellbeing crisis)")
  @Post("/{taskId}/done")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public HttpResponse<Void> done(@PathVariable String taskId, Authentication auth) {
    tasks.done(Inputs.pathId("task", taskId), Principals.actor(auth));
    return HttpResponse.noContent();
  }
}
