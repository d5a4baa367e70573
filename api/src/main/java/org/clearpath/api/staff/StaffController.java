package org.clearpath.api.staff;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.audit.OfficeAuditTrail;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.casefile.UpdatingCase;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.Transactions;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.staff.ManagingStaff;
import org.clearpath.domain.staff.StaffAccounts;

/**
 * Staff from Clearpath (admins): invite counselors and supervisors with a one-time password,
 * deactivate, reset passwords; a supervisor hands a counselor's open cases to another. Audited in
 * the office audit. What changes an account in Keycloak runs with the admin's own rights ({@link
 * org.clearpath.api.keycloak.AdminRights}), not the app's service account's.
 */
@Controller("/api/staff")
@Tag(name = "staff")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StaffController {
  private final ManagingStaff staff;
  private final OfficeAuditTrail audit;

  private final org.clearpath.api.keycloak.SessionRecheck sessions;
  private final org.clearpath.api.keycloak.AdminRights rights;

  StaffController(
      ManagingStaff staff,
      OfficeAuditTrail audit,
      org.clearpath.api.keycloak.SessionRecheck sessions,
      org.clearpath.api.keycloak.AdminRights rights) {
    this.staff = staff;
    this.audit = audit;
    this.sessions = sessions;
    this.rights = rights;
  }

  @Factory
  static class Configuration {
    @Singleton
    ManagingStaff managingStaff(
        StaffAccounts accounts,
        CaseFiles caseFiles,
        UpdatingCase updating,
        OfficeAuditTrail audit,
        Clock clock,
        Transactions transactions,
        org.clearpath.domain.shared.Oversight oversight) {
      return new ManagingStaff(
          accounts, caseFiles, updating, audit, clock, transactions, oversight);
    }

    @Singleton
    org.clearpath.domain.staff.ManagingTeams managingTeams(
        org.clearpath.domain.staff.Teams teams,
        StaffAccounts accounts,
        OfficeAuditTrail audit,
        Transactions transactions,
        Clock clock) {
      return new org.clearpath.domain.staff.ManagingTeams(
          teams, accounts, audit, transactions, clock);
    }
  }

  @Serdeable
  public record MemberView(
      String id,
      String username,
      String name,
      @Nullable String email,
      List<String> roles,
      boolean enabled,
      int openCases) {
    static MemberView of(ManagingStaff.Member m) {
      var s = m.member();
      return new MemberView(
          s.id().value(),
          s.username(),
          s.name(),
          s.email(),
          s.roles().stream().map(Role::claimValue).sorted().toList(),
          s.enabled(),
          m.openCases());
    }
  }

  @Serdeable
  public record InviteRequest(
      @Nullable String username,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String email,
      @Nullable String role) {}

  /** A one-time password, shown once; the person must change it at their first login. */
  @Serdeable
  public record OneTimePassword(String username, String oneTimePassword) {}

  @Serdeable
  public record HandOverRequest(@Nullable String to) {}

  @Serdeable
  public record HandedOver(int cases) {}

  @Serdeable
  public record ChangeView(String actorName, String at, String action, @Nullable String username) {}

  @Operation(summary = "Everyone on the staff, with how many open cases they hold (admins)")
  @Get
  @Secured(Roles.ADMIN)
  public List<MemberView> all(Authentication auth) {
    return staff.all(Principals.actor(auth)).stream().map(MemberView::of).toList();
  }

  @Operation(summary = "The latest staff changes (admins)")
  @Get("/changes")
  @Secured(Roles.ADMIN)
  public List<ChangeView> changes() {
    return audit
        .latest(
            List.of(
                "staff.invited",
                "staff.deactivated",
                "staff.password-reset",
                "staff.second-factor-reset",
                "staff.cases-handed-over",
                "team.created",
                "team.changed",
                "team.removed"),
            50)
        .stream()
        .map(
            e ->
                new ChangeView(
                    e.actorName(),
                    e.at().toString(),
                    e.action(),
                    e.details()
                        .getOrDefault(
                            "username", e.details().getOrDefault("from", e.details().get("name")))))
        .toList();
  }

  @Operation(summary = "Invite a counselor or supervisor; the answer holds their one-time password")
  @Post
  @Secured(Roles.ADMIN)
  public HttpResponse<OneTimePassword> invite(
      io.micronaut.http.HttpRequest<?> http,
      @Body @Nullable InviteRequest request,
      Authentication auth) {
    var actor = Principals.actor(auth);
    if (request == null) {
      throw new InvalidInput("username", "send the person", Message.of("input.required"));
    }
    var role =
        request.role() == null || request.role().isBlank()
            ? null
            : Inputs.oneOf("role", request.role(), Role.class);
    var invited =
        rights.of(
            http,
            auth,
            () ->
                staff.invite(
                    actor,
                    request.username(),
                    request.firstName(),
                    request.lastName(),
                    request.email(),
                    role));
    return HttpResponse.created(
        new OneTimePassword(invited.member().username(), invited.oneTimePassword()));
  }

  @Operation(summary = "Deactivate an account: it can no longer log in and its sessions end")
  @Post("/{userId}/deactivation")
  @Secured(Roles.ADMIN)
  public MemberView deactivate(
      io.micronaut.http.HttpRequest<?> http, @PathVariable String userId, Authentication auth) {
    var id = user(userId);
    var member = rights.of(http, auth, () -> staff.deactivate(Principals.actor(auth), id));
    // their browser sessions end here at once (other instances at their next check)
    sessions.revoke(id.value());
    return MemberView.of(member);
  }

  @Operation(summary = "A new one-time password for the account")
  @Post("/{userId}/password-reset")
  @Secured(Roles.ADMIN)
  public OneTimePassword resetPassword(
      io.micronaut.http.HttpRequest<?> http, @PathVariable String userId, Authentication auth) {
    var actor = Principals.actor(auth);
    var id = user(userId);
    var reset = rights.of(http, auth, () -> staff.resetPassword(actor, id));
    // whose it is by the name they log in with (the Staff page says to give it to them)
    return new OneTimePassword(reset.member().username(), reset.oneTimePassword());
  }

  @Operation(
      summary = "Remove the account's authenticator app (admins): the next login sets up a new one")
  @Post("/{userId}/second-factor-reset")
  @Secured(Roles.ADMIN)
  public HttpResponse<Void> resetSecondFactor(
      io.micronaut.http.HttpRequest<?> http, @PathVariable String userId, Authentication auth) {
    var actor = Principals.actor(auth);
    var id = user(userId);
    rights.of(
        http,
        auth,
        () -> {
          staff.resetSecondFactor(actor, id);
          return null;
        });
    return HttpResponse.noContent();
  }

  @Operation(summary = "Hand every open case of this counselor to another (supervisors)")
  @Post("/{userId}/hand-over")
  @Secured(Roles.SUPERVISOR)
  public HandedOver handOver(
      @PathVariable String userId, @Body @Nullable HandOverRequest request, Authentication auth) {
    var actor = Principals.actor(auth);
    var from = user(userId);
    if (request == null || request.to() == null || request.to().isBlank()) {
      throw new InvalidInput("to", "who takes the cases", Message.of("input.required"));
    }
    return new HandedOver(staff.handOver(actor, from, user(request.to())));
  }

  private static UserId user(String id) {
    // Keycloak ids are UUIDs; anything else is not there
    return new UserId(Inputs.pathId("staff member", id).toString());
  }
}
