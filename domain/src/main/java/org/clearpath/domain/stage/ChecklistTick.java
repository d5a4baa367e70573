package org.clearpath.domain.stage;

import java.time.Instant;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;

/** A recommended action that was done on a case: which, by whom, when. */
public record ChecklistTick(
    Stage stage, String item, UserId doneBy, String doneByName, Instant doneAt) {}
