package org.clearpath.domain.plan;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.evidence.Sha256;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;

/**
 * Use case: a client's calendar feed of upcoming instalments, at a secret URL that calendar apps
 * can poll without logging in. Only the client makes one (a new one replaces the old); the client,
 * or the case's counselor, can revoke it. The secret is shown once and only its hash is kept.
 */
public final class CalendarFeed {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final GuardedCases cases;
  private final CalendarFeeds feeds;
  private final Plans plans;
  private final java.time.ZoneId zone;
  private final org.clearpath.domain.shared.Transactions transactions;

  public CalendarFeed(
      GuardedCases cases,
      CalendarFeeds feeds,
      Plans plans,
      java.time.ZoneId zone,
      org.clearpath.domain.shared.Transactions transactions) {
    this.transactions = transactions;
    this.cases = cases;
    this.feeds = feeds;
    this.plans = plans;
    this.zone = zone;
  }

  /** An instalment still to pay, for the feed. */
  public record Upcoming(Plan plan, InstalmentStanding standing) {}

  public Optional<Instant> status(CaseId caseId, Actor actor) {
    cases.visible(caseId, actor);
    return feeds.createdAt(caseId);
  }

  /** A new secret for the client's own case; returns it (it is not kept). */
  public String create(CaseId caseId, Actor actor) {
    return transactions.inOne(
        () -> {
          var caseFile = cases.visible(caseId, actor);
          if (!actor.is(Role.CLIENT) || !caseFile.belongsToClient(actor.id())) {
            throw new NotPermitted("the client makes their own calendar feed");
          }
          var bytes = new byte[32];
          RANDOM.nextBytes(bytes);
          var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
          feeds.replace(caseId, hash(secret), actor.id(), cases.now());
          cases.audit(caseId, actor, "calendar.created", Map.of());
          return secret;
        });
  }

  public void revoke(CaseId caseId, Actor actor) {
    transactions.inOne(
        () -> {
          var caseFile = cases.visible(caseId, actor);
          if (!(actor.is(Role.CLIENT) && caseFile.belongsToClient(actor.id()))) {
            cases.changeable(caseId, actor);
          }
          if (!feeds.revoke(caseId)) {
            throw new NotFound("calendar feed of case " + caseId);
          }
          cases.audit(caseId, actor, "calendar.revoked", Map.of());
          return null;
        });
  }

  /** What the feed at this secret shows; {@link NotFound} for an unknown or revoked secret. */
  public List<Upcoming> upcoming(String secret) {
    if (secret == null || secret.length() < 20 || secret.length() > 100) {
      throw new NotFound("calendar feed");
    }
    var caseId = feeds.caseFor(hash(secret)).orElseThrow(() -> new NotFound("calendar feed"));
    // whoever holds the secret URL: a calendar app, or someone it was passed on to
    cases.readByNobodyInParticular(
        caseId, org.clearpath.domain.audit.AccessEntry.Access.CALENDAR_FEED);
    var today = java.time.LocalDate.ofInstant(cases.now(), zone);
    var upcoming = new ArrayList<Upcoming>();
    for (var plan : plans.ofCase(caseId)) {
      if (plan.status().inForce()) {
        for (var standing : plan.standings(today)) {
          if (standing.paidInFullOn() == null) {
            upcoming.add(new Upcoming(plan, standing));
          }
        }
      }
    }
    return upcoming;
  }

  static String hash(String secret) {
    return Sha256.of(secret.getBytes(StandardCharsets.US_ASCII));
  }
}
