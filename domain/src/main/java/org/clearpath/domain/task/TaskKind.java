package org.clearpath.domain.task;

/** Why a task was raised. */
public enum TaskKind {
  INSTALMENT_MISSED,
  PLAN_BROKEN,
  /** a wellbeing check's crisis answer: urgent, for the case's supervisor */
  WELLBEING_CRISIS
}
