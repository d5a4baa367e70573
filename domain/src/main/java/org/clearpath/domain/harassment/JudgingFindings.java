package org.clearpath.domain.harassment;

import java.util.Objects;

/**
 * Use case (of the system, nobody asks for it): keeps each case's findings up to date. Whatever
 * changes what the rules find (a contact logged or corrected, a case's jurisdiction, a lender's
 * name or kind) leaves the case due, in the transaction of the change ({@link KeptFindings}); so do
 * other rule packs at start ({@link #rulesAre}). {@link #judgeDue}, run often, judges those in
 * batches: the cost stays off the writes, and many cases' logs are read and judged together. A
 * batch is taken, judged and kept in three steps, with no lock held while it is judged.
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
   * Judges again, a batch at a time, the cases that are due, until none is left (or other instances
   * have taken the rest); how many it judged.
   */
  public int judgeDue() {
    var judged = 0;
    for (int done; (done = judgeABatch()) > 0; ) {
      judged += done;
    }
    return judged;
  }

  private int judgeABatch() {
    var due = transactions.inOne(() -> kept.takeDue(BATCH));
    if (due.isEmpty()) {
      return 0;
    }
    // read after the taking: every change that marked these cases is in what is read
    var findings = flagging.judged(due.stream().map(KeptFindings.Due::caseId).toList());
    var judged = new java.util.LinkedHashMap<KeptFindings.Due, java.util.List<Finding>>();
    for (var taken : due) {
      judged.put(taken, findings.getOrDefault(taken.caseId(), java.util.List.of()));
    }
    transactions.inOne(
        () -> {
          kept.keep(judged);
          return null;
        });
    return due.size();
  }

  /** At start: every case is due again unless its findings were judged by these packs. */
  public boolean rulesAre(RulePacks packs) {
    return transactions.inOne(() -> kept.judgedBy(packs.fingerprint()));
  }
}
