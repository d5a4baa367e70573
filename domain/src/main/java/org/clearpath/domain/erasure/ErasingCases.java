package org.clearpath.domain.erasure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.WrongState;

/**
 * Use case: the client (their own case) or the case's counselor asks for the case to be erased; a
 * supervisor whose teams hold the case erases it ({@link ErasedCases}) or refuses, saying why; a
 * supervisor puts a case on legal hold, saying why, which stops any erasure until it is lifted.
 * Every step is in the case's audit, and the erasure's own entry is written after the case's data
 * is emptied, so it stays.
 */
public final class ErasingCases {
  static final int MAX_TEXT = 500;

  private final GuardedCases cases;
  private final ErasureRequests requests;
  private final ErasedCases erased;
  private final org.clearpath.domain.shared.Transactions transactions;

  public ErasingCases(
      GuardedCases cases,
      ErasureRequests requests,
      ErasedCases erased,
      org.clearpath.domain.shared.Transactions transactions) {
    this.cases = Objects.requireNonNull(cases, "cases");
    this.requests = Objects.requireNonNull(requests, "requests");
    this.erased = Objects.requireNonNull(erased, "erased");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /** The client of the case, or its counselor, asks; one request is open at a time. */
  public ErasureRequest request(CaseId caseId, Actor actor) {
    return transactions.inOne(
        () -> {
          var caseFile = cases.visible(caseId, actor);
          ErasureRequest.RequestedAs as;
          if (actor.is(Role.CLIENT) && caseFile.belongsToClient(actor.id())) {
            as = ErasureRequest.RequestedAs.CLIENT;
          } else if (actor.is(Role.COUNSELOR) && caseFile.isAssignedTo(actor.id())) {
            as = ErasureRequest.RequestedAs.COUNSELOR;
          } else {
            cases.refused(caseId, actor, "erasure request");
            throw new NotPermitted("the client or the case's counselor asks for its erasure");
          }
          if (requests.openOf(caseId).isPresent()) {
            throw new WrongState(
                "the case's erasure is requested already", ErasureRequest.Status.REQUESTED);
          }
          var request =
              new ErasureRequest(
                  UUID.randomUUID(),
                  caseId,
                  actor.id(),
                  actor.username(),
                  as,
                  cases.now(),
                  ErasureRequest.Status.REQUESTED,
                  null,
                  null,
                  null,
                  0);
          requests.add(request);
          cases.audit(
              caseId,
              actor,
              "erasure.requested",
              Map.of("request", request.id().toString(), "as", as.name()));
          return request;
        });
  }

  /** The case's open request, for whoever may see the case. */
  public java.util.Optional<ErasureRequest> openOf(CaseId caseId, Actor actor) {
    cases.visible(caseId, actor);
    return requests.openOf(caseId);
  }

  /** The open requests a supervisor may decide: those on cases of their teams, oldest first. */
  public List<ErasureRequest> waiting(Actor actor, int limit) {
    supervisor(actor, "erasure requests");
    return requests.open(cases.reachOf(actor), limit);
  }

  /**
   * Erases the case of an open request read at {@code version}; refused while the case is on legal
   * hold (409, {@code ON_LEGAL_HOLD}).
   */
  public ErasureRequest approve(UUID requestId, long version, Actor actor) {
    supervisor(actor, "erasing a case");
    return transactions.inOne(
        () -> {
          var request = decidable(requestId, version, actor);
          if (requests.holdOf(request.caseId()).isPresent()) {
            throw new WrongState("the case is on legal hold", LegalHold.State.ON_LEGAL_HOLD);
          }
          var now = cases.now();
          var decided = request.decided(ErasureRequest.Status.ERASED, actor.username(), now, null);
          requests.decide(decided);
          erased.erase(request.caseId(), now);
          // after the erasure, so that this entry keeps its details
          cases.audit(
              request.caseId(),
              actor,
              "case.erased",
              Map.of(
                  "request",
                  request.id().toString(),
                  "requestedAs",
                  request.requestedAs().name(),
                  "requestedAt",
                  request.requestedAt().toString()));
          return decided;
        });
  }

  /** Refuses an open request read at {@code version}, saying why. */
  public ErasureRequest refuse(UUID requestId, long version, String note, Actor actor) {
    supervisor(actor, "refusing an erasure");
    var why = text("note", note);
    return transactions.inOne(
        () -> {
          var request = decidable(requestId, version, actor);
          var decided =
              request.decided(ErasureRequest.Status.REFUSED, actor.username(), cases.now(), why);
          requests.decide(decided);
          cases.audit(
              request.caseId(),
              actor,
              "erasure.refused",
              Map.of("request", request.id().toString(), "note", why));
          return decided;
        });
  }

  /** Cases erased per transaction by {@link #eraseExpired}. */
  static final int RETENTION_BATCH = 100;

  /** Who erases the cases past their retention in the audit. */
  public static final org.clearpath.domain.shared.UserId RETENTION =
      new org.clearpath.domain.shared.UserId("system:retention");

  /**
   * The daily job: erases every closed case past its retention period that is not on legal hold, in
   * batches, each case audited as the retention's; how many it erased.
   */
  public int eraseExpired(RetentionPeriods periods) {
    var cutoffs = periods.closedBefore(cases.now());
    if (cutoffs.isEmpty()) {
      return 0;
    }
    var erasedCount = 0;
    for (int done; (done = transactions.inOne(() -> eraseSome(cutoffs, periods))) > 0; ) {
      erasedCount += done;
    }
    return erasedCount;
  }

  private int eraseSome(Map<String, java.time.Instant> cutoffs, RetentionPeriods periods) {
    var due = erased.pastRetention(cutoffs, periods.office(), RETENTION_BATCH);
    var now = cases.now();
    for (var caseId : due) {
      erased.erase(caseId, now);
      cases.audit(caseId, RETENTION, "retention", "case.erased", Map.of("reason", "retention"));
    }
    return due.size();
  }

  /** Who removes the portal logins of erased cases in the audit. */
  public static final org.clearpath.domain.shared.UserId ERASURE =
      new org.clearpath.domain.shared.UserId("system:erasure");

  /**
   * Removes the portal logins that erasures left (after their transactions: the accounts are in the
   * identity provider), each audited on its case; a login another case still has is kept. A login
   * the provider could not remove (it is down) stays for the next call, and is counted as refused.
   */
  public LoginRemovals removeLogins(org.clearpath.domain.casefile.ClientPortalAccounts accounts) {
    var done = 0;
    var refused = 0;
    RuntimeException firstRefusal = null;
    for (var login : transactions.inOne(() -> erased.loginsToRemove(LOGIN_BATCH))) {
      var kept = transactions.inOne(() -> erased.stillInUse(login.login()));
      if (!kept) {
        try {
          accounts.retire(login.login());
        } catch (RuntimeException unreachable) {
          refused++; // the row stays: again next time
          firstRefusal = firstRefusal == null ? unreachable : firstRefusal;
          continue;
        }
      }
      transactions.inOne(
          () -> {
            if (!erased.loginRemoved(login.login())) {
              return null; // another instance did it
            }
            cases.audit(
                login.caseId(),
                ERASURE,
                "erasure",
                "portal-login.removed",
                Map.of("account", kept ? "kept-for-another-case" : "removed"));
            return null;
          });
      done++;
    }
    return new LoginRemovals(done, refused, firstRefusal);
  }

  /** How many logins were done, how many the provider refused, and why the first was. */
  public record LoginRemovals(int done, int refused, RuntimeException firstRefusal) {}

  /** Logins removed per call: each is a call to the identity provider. */
  static final int LOGIN_BATCH = 100;

  /** The case's legal hold, for its staff. */
  public java.util.Optional<LegalHold> holdOf(CaseId caseId, Actor actor) {
    cases.internal(caseId, actor, "the legal hold");
    return requests.holdOf(caseId);
  }

  /** Puts the case on hold, saying why (again: a new reason). */
  public LegalHold hold(CaseId caseId, String reason, Actor actor) {
    supervisor(actor, "a legal hold");
    var why = text("reason", reason);
    return transactions.inOne(
        () -> {
          cases.visible(caseId, actor);
          var hold = new LegalHold(why, actor.username(), cases.now());
          requests.setHold(caseId, hold);
          cases.audit(caseId, actor, "case.legal-hold-set", Map.of("reason", why));
          return hold;
        });
  }

  /** Lifts the case's hold, saying why. */
  public void lift(CaseId caseId, String reason, Actor actor) {
    supervisor(actor, "a legal hold");
    var why = text("reason", reason);
    transactions.inOne(
        () -> {
          cases.visible(caseId, actor);
          if (requests.holdOf(caseId).isEmpty()) {
            throw new WrongState(
                "the case is not on legal hold", LegalHold.State.NOT_ON_LEGAL_HOLD);
          }
          requests.setHold(caseId, null);
          cases.audit(caseId, actor, "case.legal-hold-lifted", Map.of("reason", why));
          return null;
        });
  }

  private ErasureRequest decidable(UUID requestId, long version, Actor actor) {
    var request =
        requests.find(requestId).orElseThrow(() -> new NotFound("erasure request " + requestId));
    // a request on a case outside the supervisor's teams is not theirs to see
    try {
      cases.visible(request.caseId(), actor);
    } catch (NotFound e) {
      throw new NotFound("erasure request " + requestId);
    }
    if (request.status() != ErasureRequest.Status.REQUESTED) {
      throw new WrongState("the request is decided already", request.status());
    }
    if (request.version() != version) {
      throw new StaleVersion("erasure request " + requestId);
    }
    return request;
  }

  private static void supervisor(Actor actor, String what) {
    if (!actor.is(Role.SUPERVISOR)) {
      throw new NotPermitted(what + " is for supervisors");
    }
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput(field, "say why", Message.of("input.reason"));
    }
    if (value.length() > MAX_TEXT) {
      throw new InvalidInput(
          field,
          "at most " + MAX_TEXT + " characters",
          Message.of("input.max-length", "max", MAX_TEXT));
    }
    return value.strip();
  }
}
