package org.clearpath.domain.harassment;

import java.util.Objects;

/**
 * Use case (of the system, nobody asks for it): keeps each case's findings up to date. Whatever
 * changes what the rules find (a contact logged or corrected, a case's jurisdiction, a lender's
 * name or kind) leaves the case due, in the transaction of the change ({@link KeptFindings}); so do
 * other rule packs at start ({@link #rulesAre}). {@link #judgeDue}, run often, judges those in
 * batches: the cost stays off the writes, and many cases' logs are read and judged together.
 */
public final class JudgingFindings {
  /** Cases judged per transaction by {@link #judgeDue}. */
  public static final int BATCH = 200;

  private final Flagging flagging;
  private final KeptFindings kept;
  private final org.clearpath.domain.shared.Transactions transactions;

  public JudgingFindings(
      Flagging flagging, KeptFindings kept, org.clearpath.domain.shared.Transactions transactions) {
    this.flagging = Objects.requireNonNull(flagging, "flagging");
    this.kept = Objects.requireNonNull(kept, "kept");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /**
   * Judges again, one batch per transaction, the cases that are due, until none is left (or other
   * instances hold the rest); how many it judged.
   */
  public int judgeDue() {
    var judged = 0;
    for (int done; (done = transactions.inOne(this::judgeABatch)) > 0; ) {
      judged += done;
    }
    return judged;
  }

  private int judgeABatch() {
    var due = kept.takeDue(BATCH);
    if (!due.isEmpty()) {
      kept.keep(flagging.judged(due));
    }
    return due.size();
  }

  /** At start: every case is due again unless its findings were judged by these packs. */
  public boolean rulesAre(RulePacks packs) {
    return transactions.inOne(() -> kept.judgedBy(packs.fingerprint()));
  }
}
