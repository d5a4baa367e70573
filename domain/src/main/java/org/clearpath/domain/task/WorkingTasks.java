package org.clearpath.domain.task;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;

/**
 * Use case: counselors see and close the tasks on their cases; supervisors see every open one and
 * close the crisis tasks a wellbeing check raised.
 */
public final class WorkingTasks {
  private final GuardedCases cases;
  private final Tasks tasks;
  private final org.clearpath.domain.shared.Transactions transactions;

  public WorkingTasks(
      GuardedCases cases, Tasks tasks, org.clearpath.domain.shared.Transactions transactions) {
    this.transactions = transactions;
    this.cases = cases;
    this.tasks = tasks;
  }

  /** One page of the open tasks, oldest first, and how many there are in all. */
  public record TaskPage(List<TaskLine> tasks, int total) {}

  public TaskPage open(Actor actor, int page, int size) {
    if (!actor.is(Role.SUPERVISOR) && !actor.is(Role.COUNSELOR)) {
      throw new NotPermitted("tasks are for counselors and supervisors");
    }
    // a supervisor's are their teams' (a director's every case's), a counselor's their own
    var reach = cases.reachOf(actor);
    return new TaskPage(tasks.open(reach, page * size, size), tasks.countOpen(reach));
  }

  public void done(UUID id, Actor actor) {
    transactions.inOne(
        () -> {
          var task = tasks.find(id).orElseThrow(() -> new NotFound("task " + id));
          try {
            if (task.kind() == TaskKind.WELLBEING_CRISIS && actor.is(Role.SUPERVISOR)) {
              // a crisis is the supervisor's to act on, though the case is the counselor's
              cases.internal(task.caseId(), actor, "a crisis task");
            } else {
              cases.changeable(task.caseId(), actor);
            }
          } catch (NotFound e) {
            throw new NotFound("task " + id);
          }
          if (!tasks.done(id, cases.now(), actor.id(), actor.username())) {
            throw new org.clearpath.domain.shared.StaleVersion("the task");
          }
          cases.audit(
              task.caseId(),
              actor,
              "task.done",
              Map.of("task", id.toString(), "kind", task.kind().name()));
          return null;
        });
  }
}
