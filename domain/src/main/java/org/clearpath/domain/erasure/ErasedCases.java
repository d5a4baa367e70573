package org.clearpath.domain.erasure;

import java.time.Instant;
import org.clearpath.domain.shared.CaseId;

/**
 * Where erasing a case happens: its personal data is emptied everywhere it is kept, while the
 * record's structure stays (entries, payments, stages, flags with their dates, amounts, codes and
 * who recorded them), so that the office's figures and the audit of the erasure survive. The case's
 * data key is destroyed, so what was sealed under it (the client record, the evidence) can never be
 * opened again.
 */
public interface ErasedCases {
  /** The client's name an erased case shows instead. */
  String ERASED_NAME = "—";

  /**
   * Erases the case in the caller's transaction; false if it was erased already (nothing changes).
   * The client's portal login, if the case had one, is left for {@link #loginsToRemove}.
   */
  boolean erase(CaseId caseId, Instant at);

  /**
   * Closed cases past their retention: of a jurisdiction (the case's own, else {@code office}) with
   * a cut-off, closed before it, not erased and not on legal hold; longest closed first, at most
   * {@code limit}.
   */
  java.util.List<CaseId> pastRetention(
      java.util.Map<String, Instant> closedBefore, String office, int limit);

  /** A portal login an erasure left to remove from the identity provider, and its case. */
  record LoginToRemove(org.clearpath.domain.shared.UserId login, CaseId caseId) {}

  /** The logins erasures left to remove, oldest first, at most {@code limit}. */
  java.util.List<LoginToRemove> loginsToRemove(int limit);

  /** Whether a case that is not erased still has this login (the same client's other case). */
  boolean stillInUse(org.clearpath.domain.shared.UserId login);

  /**
   * The login is removed (or kept for another case): nothing is left of it here; false if someone
   * else (another instance) said so first.
   */
  boolean loginRemoved(org.clearpath.domain.shared.UserId login);
}
