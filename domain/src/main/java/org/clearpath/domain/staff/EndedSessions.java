package org.clearpath.domain.staff;

import java.time.Instant;
import java.util.Map;

/**
 * Sign-in sessions the identity provider ended (OpenID back-channel logout): one session by its id,
 * or all of a user's made until a moment. Kept where every instance of the app reads it, so that a
 * logout one instance heard of ends the sessions on all of them.
 */
public interface EndedSessions {

  /** What was ended: a session ({@code SESSION}, by its id) or a user's ({@code USER}, by id). */
  enum Kind {
    SESSION,
    USER
  }

  /** Ended at {@code at} (a later {@code at} wins). */
  void end(Kind kind, String id, Instant at);

  /** Everything of that kind ended after {@code since}, by id, with the latest moment. */
  Map<String, Instant> endedAfter(Kind kind, Instant since);
}
