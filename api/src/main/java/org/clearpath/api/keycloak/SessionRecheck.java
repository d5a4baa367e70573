package org.clearpath.api.keycloak;

import static java.time.temporal.ChronoUnit.SECONDS;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clearpath.api.problem.Problem;
import org.clearpath.api.security.BrowserSessions;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * Browser sessions follow Keycloak (on the wall clock, not the office's: this is about real
 * minutes): the session cookie carries the roles it was made with, so this instance looks up each
 * user with a live session in Keycloak every {@code clearpath.security.recheck-every} (default one
 * minute) in the background, and refuses (401, the cookie cleared, the page shows the login) the
 * next request of someone who was disabled, deleted or lost a role they logged in with. Requests
 * never wait for Keycloak: a user's first request starts their first check. Bearer tokens are not
 * rechecked here: they are Keycloak's own and short-lived.
 */
@Singleton
// every path, so that the router sorts its filters once (web.Paths); the API only
@ServerFilter(io.micronaut.http.annotation.Filter.MATCH_ALL_PATTERN)
public class SessionRecheck implements Ordered {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SessionRecheck.class);

  /** What Keycloak said of a user, and when this instance last saw them. */
  private record Known(boolean enabled, Set<String> roles, Instant checkedAt, Instant seenAt) {}

  private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
  // Keycloak sessions that ended there (by sid), and users whose sessions made until a moment did
  private final ConcurrentHashMap<String, Instant> endedSessionIds = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> ended = new ConcurrentHashMap<>();
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();
  private final Keycloak keycloak;
  private final KeycloakSettings settings;
  private final io.micronaut.security.token.RolesFinder rolesFinder;
  private final Duration every;
  private final Duration forgetAfter;
  private final String sessionCookie;
  private final boolean secureCookies;
  private final java.util.concurrent.ExecutorService checks;
  private final org.clearpath.domain.staff.EndedSessions endedSessions;

  SessionRecheck(
      org.clearpath.domain.staff.EndedSessions endedSessions,
      Keycloak keycloak,
      KeycloakSettings settings,
      io.micronaut.security.token.RolesFinder rolesFinder,
      @Value("${clearpath.security.recheck-every:1m}") Duration every,
      @Value("${micronaut.security.token.cookie.cookie-max-age:8h}") Duration forgetAfter,
      @Value("${micronaut.security.token.cookie.cookie-name:JWT}") String sessionCookie,
      @Value("${micronaut.security.token.cookie.cookie-secure:false}") boolean secureCookies) {
    this.endedSessions = endedSessions;
    this.keycloak = keycloak;
    this.settings = settings;
    this.rolesFinder = rolesFinder;
    this.every = every;
    this.forgetAfter = forgetAfter;
    this.sessionCookie = sessionCookie;
    this.secureCookies = secureCookies;
    this.checks = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    var authentication =
        org.clearpath.api.web.Paths.isApi(request.getPath()) ? BrowserSessions.of(request) : null;
    if (authentication == null) {
      return null;
    }
    var id = authentication.getName();
    var now = Instant.now();
    var endedAt = ended.get(id);
    var issued = BrowserSessions.issuedAt(authentication);
    var sid = BrowserSessions.keycloakSession(authentication);
    if ((sid != null && endedSessionIds.containsKey(sid))
        // a whole second: iat has no finer grain (a token without sid only)
        || (endedAt != null
            && (issued == null || issued.isBefore(endedAt.plusSeconds(1).truncatedTo(SECONDS))))) {
      return refused(request, "your session was ended in Keycloak: log in again");
    }
    var was = known.get(id);
    if (was == null) {
      known.put(id, new Known(true, null, Instant.EPOCH, now));
      startCheck(id);
      return null;
    }
    known.computeIfPresent(id, (k, v) -> new Known(v.enabled(), v.roles(), v.checkedAt(), now));
    if (!was.enabled()
        || (was.roles() != null && !was.roles().containsAll(authentication.getRoles()))) {
      return refused(request, "your account was disabled or changed: log in again");
    }
    if (Duration.between(was.checkedAt(), now).compareTo(every) >= 0) {
      startCheck(id);
    }
    return null;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** 401, and the browser forgets the session. */
  private HttpResponse<?> refused(HttpRequest<?> request, String why) {
    return Problem.of(HttpStatus.UNAUTHORIZED, why, request.getPath())
        .toResponse()
        .cookie(BrowserSessions.expired(sessionCookie, true, secureCookies));
  }

  /**
   * Keycloak ended the user's sessions (back-channel logout): every browser session of theirs made
   * until {@code at} is refused from now on; a later login is not. Kept as long as a session lasts.
   */
  public void endSessions(String userId, Instant at) {
    ended.merge(userId, at, SessionRecheck::later);
    // for the other instances, which read it at their next round
    endedSessions.end(org.clearpath.domain.staff.EndedSessions.Kind.USER, userId, at);
  }

  /** Keycloak ended one session (its {@code sid}): the browser session made from it ends. */
  public void endSession(String keycloakSession, Instant at) {
    endedSessionIds.merge(keycloakSession, at, SessionRecheck::later);
    endedSessions.end(org.clearpath.domain.staff.EndedSessions.Kind.SESSION, keycloakSession, at);
  }

  /** Someone deactivated from Clearpath: refused at once on this instance. */
  public void revoke(String userId) {
    known.put(userId, new Known(false, Set.of(), Instant.now(), Instant.now()));
  }

  /**
   * Everyone seen lately is looked up again, so nobody depends on making a request to be checked.
   */
  @Scheduled(fixedDelay = "${clearpath.security.recheck-every:1m}", initialDelay = "10s")
  void recheckEveryone() {
    var now = Instant.now();
    known
        .entrySet()
        .removeIf(e -> Duration.between(e.getValue().seenAt(), now).compareTo(forgetAfter) > 0);
    // no session made before then can still be alive
    ended.values().removeIf(at -> Duration.between(at, now).compareTo(forgetAfter) > 0);
    endedSessionIds.values().removeIf(at -> Duration.between(at, now).compareTo(forgetAfter) > 0);
    // what Keycloak told the other instances
    try {
      var since = now.minus(forgetAfter);
      endedSessions
          .endedAfter(org.clearpath.domain.staff.EndedSessions.Kind.USER, since)
          .forEach((user, at) -> ended.merge(user, at, SessionRecheck::later));
      endedSessions
          .endedAfter(org.clearpath.domain.staff.EndedSessions.Kind.SESSION, since)
          .forEach((sid, at) -> endedSessionIds.merge(sid, at, SessionRecheck::later));
    } catch (RuntimeException e) {
      LOG.warn("could not read the sessions ended elsewhere: {}", e.toString());
    }
    for (var entry : known.entrySet()) {
      if (Duration.between(entry.getValue().checkedAt(), now).compareTo(every) >= 0) {
        startCheck(entry.getKey());
      }
    }
  }

  private void startCheck(String id) {
    if (waiting.add(id)) {
      checks.submit(
          () -> {
            try {
              lookUp(id);
            } finally {
              waiting.remove(id);
            }
          });
    }
  }

  private void lookUp(String id) {
    boolean enabled;
    Set<String> roles = new HashSet<>();
    try {
      var user = keycloak.realm(settings.realm()).users().get(id);
      enabled = Boolean.TRUE.equals(user.toRepresentation().isEnabled());
      // as the session's roles were read at login (a director is a supervisor too)
      var names =
          user.roles().realmLevel().listEffective().stream()
              .map(RoleRepresentation::getName)
              .toList();
      roles.addAll(rolesFinder.resolveRoles(java.util.Map.of("roles", names)));
    } catch (NotFoundException e) {
      enabled = false;
    } catch (RuntimeException e) {
      // Keycloak not answering: what was known stands, and the next round asks again
      LOG.warn("could not recheck user {} in Keycloak: {}", id, e.toString());
      return;
    }
    var checked = Instant.now();
    var isEnabled = enabled;
    known.compute(
        id,
        (k, v) ->
            new Known(isEnabled, Set.copyOf(roles), checked, v == null ? checked : v.seenAt()));
  }
}
