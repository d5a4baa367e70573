package org.clearpath.domain.staff;

import java.time.Instant;
import java.util.Map;

/**
 * Whose sign-in sessions the identity provider ended, and when (OpenID back-channel logout): kept
 * where every instance of the app reads it, so that a logout one instance heard of ends the
 * sessions on all of them.
 */
public interface EndedSessions {

  /** The user's sessions made until {@code at} are over (a later {@code at} wins). */
  void end(String userId, Instant at);

  /** Every user whose sessions were ended after {@code since}, with the latest moment. */
  Map<String, Instant> endedAfter(Instant since);
}
