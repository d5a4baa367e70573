package org.clearpath.persistence.testing;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StandingChanges;

/**
 * The stores' {@link StandingChanges} in this module's tests: it keeps what it was told, so a test
 * can check that each write names its case. The application's own follows with the stage.
 */
@Singleton
@Secondary // the api's tests see this module's test classes; there the application's one wins
public class ToldStandings implements StandingChanges {
  private final List<CaseId> told = new ArrayList<>();

  @Override
  public synchronized void changed(Collection<CaseId> cases) {
    told.addAll(cases);
  }

  /** What it was told since the last call, and forgets it. */
  public synchronized List<CaseId> drain() {
    var copy = List.copyOf(told);
    told.clear();
    return copy;
  }
}
