package org.clearpath.domain.task;

/** Why a task was raised. */
public enum TaskKind {
  INSTALMENT_MISSED,
  PLAN_BROKEN,
  /** a wellbeing check's crisis answer: urgent, for the case's supervisor */
  WELLBEING_CRISIS,
  /** an action a supervisor's case review asked of the counselor, by its due date */
  REVIEW_ACTION
}
