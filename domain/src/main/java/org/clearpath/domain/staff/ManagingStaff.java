package org.clearpath.domain.staff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.clearpath.domain.audit.OfficeAuditEntry;
import org.clearpath.domain.audit.OfficeAuditTrail;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.casefile.CaseStatus;
import org.clearpath.domain.casefile.UpdatingCase;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;

/**
 * Use case: an admin manages staff from Clearpath: invites counselors and supervisors (never an
 * admin or director: those stay with the identity provider's own administrators), deactivates and
 * resets passwords; a supervisor hands a counselor's open cases over to another counselor. Every
 * change is audited in the office audit.
 */
public final class ManagingStaff {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private final StaffAccounts accounts;
  private final CaseFiles caseFiles;
  private final UpdatingCase updating;
  private final OfficeAuditTrail audit;
  private final Clock clock;
  private final org.clearpath.domain.shared.Transactions transactions;
  private final org.clearpath.domain.shared.Oversight oversight;

  public ManagingStaff(
      StaffAccounts accounts,
      CaseFiles caseFiles,
      UpdatingCase updating,
      OfficeAuditTrail audit,
      Clock clock,
      org.clearpath.domain.shared.Transactions transactions,
      org.clearpath.domain.shared.Oversight oversight) {
    this.oversight = java.util.Objects.requireNonNull(oversight, "oversight");
    this.transactions = transactions;
    this.accounts = accounts;
    this.caseFiles = caseFiles;
    this.updating = updating;
    this.audit = audit;
    this.clock = clock;
  }

  private static void admin(Actor actor) {
    if (!actor.is(Role.ADMIN)) {
      throw new NotPermitted("staff are managed by an admin");
    }
  }

  private void audited(Actor actor, String action, Map<String, String> details) {
    audit.record(
        new OfficeAuditEntry(actor.id(), actor.username(), action, details, clock.instant()));
  }

  /** A staff member with how many open cases they hold. */
  public record Member(StaffMember member, int openCases) {}

  public List<Member> all(Actor actor) {
    admin(actor);
    // the counts the database keeps, one read for the whole staff
    var open = caseFiles.openCasesByCounselor();
    var members = new ArrayList<Member>();
    for (var m : accounts.all()) {
      members.add(new Member(m, Math.toIntExact(open.getOrDefault(m.id(), 0L))));
    }
    return members;
  }

  private List<org.clearpath.domain.casefile.CaseFile> open(UserId counselor) {
    return caseFiles.assignedTo(counselor).stream()
        .filter(c -> c.status() != CaseStatus.CLOSED && c.status() != CaseStatus.RESOLVED)
        .toList();
  }

  public StaffAccounts.Invited invite(
      Actor actor, String username, String firstName, String lastName, String email, Role role) {
    admin(actor);
    var login = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    if (!USERNAME.matcher(login).matches()) {
      throw new InvalidInput(
          "username",
          "3-40 lower-case letters, digits, dots, dashes or underscores",
          Message.of("input.username"));
    }
    if (firstName == null || firstName.isBlank() || firstName.length() > 100) {
      throw new InvalidInput("firstName", "the person's name", Message.of("input.required"));
    }
    if (email == null || !EMAIL.matcher(email.strip()).matches()) {
      throw new InvalidInput("email", "an email address", Message.of("input.email"));
    }
    if (role != Role.COUNSELOR && role != Role.SUPERVISOR) {
      throw new InvalidInput(
          "role",
          "a counselor or a supervisor",
          Message.of("input.one-of", "allowed", "COUNSELOR, SUPERVISOR"));
    }
    var invited =
        accounts.invite(
            login,
            firstName.strip(),
            lastName == null ? "" : lastName.strip(),
            email.strip(),
            role);
    audited(
        actor,
        "staff.invited",
        Map.of("username", login, "role", role.name(), "user", invited.member().id().value()));
    return invited;
  }

  private StaffMember member(UserId id) {
    return accounts.find(id).orElseThrow(() -> new NotFound("staff member " + id.value()));
  }

  /** Disables the account and ends its sessions; their open cases wait for a hand-over. */
  public Member deactivate(Actor actor, UserId id) {
    admin(actor);
    var member = member(id);
    if (member.id().equals(actor.id())) {
      throw new InvalidInput(
          "user", "you cannot deactivate yourself", Message.of("refusal.deactivate-yourself"));
    }
    accounts.deactivate(id);
    audited(actor, "staff.deactivated", Map.of("username", member.username(), "user", id.value()));
    return new Member(
        member(id), Math.toIntExact(caseFiles.openCasesByCounselor().getOrDefault(id, 0L)));
  }

  /** Whose password was reset, and the one-time password they log in with once. */
  public record NewPassword(StaffMember member, String oneTimePassword) {}

  public NewPassword resetPassword(Actor actor, UserId id) {
    admin(actor);
    var member = member(id);
    var password = accounts.resetPassword(id);
    audited(
        actor, "staff.password-reset", Map.of("username", member.username(), "user", id.value()));
    return new NewPassword(member, password);
  }

  /**
   * The recovery of someone who lost their authenticator: it is removed, and their next login sets
   * up a new one. Their password stays.
   */
  public void resetSecondFactor(Actor actor, UserId id) {
    admin(actor);
    var member = member(id);
    var removed = accounts.resetSecondFactor(id);
    audited(
        actor,
        "staff.second-factor-reset",
        Map.of(
            "username", member.username(), "user", id.value(), "removed", String.valueOf(removed)));
  }

  /**
   * A supervisor hands every open case of one counselor (of their teams, or in none) to another
   * (each reassignment audited on its case, the hand-over in the office audit). Returns how many
   * cases moved.
   */
  public int handOver(Actor actor, UserId from, UserId to) {
    if (!actor.is(Role.SUPERVISOR)) {
      throw new NotPermitted("a supervisor hands over cases");
    }
    if (!oversight.reachOf(actor).covers(from)) {
      throw new NotPermitted("the counselor is in a team the supervisor does not lead");
    }
    var leaving = member(from);
    var taking = member(to);
    if (!taking.enabled() || !taking.roles().contains(Role.COUNSELOR)) {
      throw new InvalidInput(
          "to",
          "an active counselor takes the cases",
          Message.of("refusal.hand-over-to-counselor"));
    }
    if (leaving.id().equals(taking.id())) {
      throw new InvalidInput("to", "someone else", Message.of("refusal.hand-over-to-counselor"));
    }
    // all of them or none: one transaction
    return transactions.inOne(
        () -> {
          var moved = 0;
          for (var caseFile : open(from)) {
            updating.reassign(
                caseFile.id(), taking.id(), taking.username(), caseFile.version(), actor);
            moved++;
          }
          audited(
              actor,
              "staff.cases-handed-over",
              Map.of(
                  "from",
                  leaving.username(),
                  "to",
                  taking.username(),
                  "cases",
                  String.valueOf(moved)));
          return moved;
        });
  }
}
