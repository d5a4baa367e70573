package org.clearpath.domain.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.UserId;

/** Tasks of every case. Implemented in persistence. */
public interface Tasks {

  void add(Task task);

  Optional<Task> find(UUID id);

  /** Open tasks on the cases within reach, oldest first. */
  List<TaskLine> open(org.clearpath.domain.shared.Reach reach, int offset, int limit);

  /** How many tasks {@link #open} has in all. */
  int countOpen(org.clearpath.domain.shared.Reach reach);

  /** Marks the task done unless it is done already; false if it was. */
  boolean done(UUID id, Instant at, UserId by, String byName);
}
