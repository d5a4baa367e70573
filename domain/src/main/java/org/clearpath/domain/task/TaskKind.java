package org.clearpath.domain.task;

/** Why a task was raised. */
public enum TaskKind {
  INSTALMENT_MISSED,
  PLAN_BROKEN
}
