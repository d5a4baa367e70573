package org.clearpath.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearpath.domain.audit.OfficeAuditEntry;
import org.clearpath.domain.audit.OfficeAuditTrail;
import org.clearpath.domain.casefile.CaseAccessPolicy;
import org.clearpath.domain.casefile.CaseFixture;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.casefile.UpdatingCase;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.Test;

/** Staff management as a use case, with the identity provider's accounts held in memory. */
class ManagingStaffTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
  private final CaseFixture.InMemoryCaseFiles caseFiles = new CaseFixture.InMemoryCaseFiles();
  private final CaseFixture.InMemoryAuditTrail caseAudit = new CaseFixture.InMemoryAuditTrail();
  private final CaseFixture.CountedUnits units = new CaseFixture.CountedUnits(caseAudit);
  private final List<OfficeAuditEntry> officeAudit = new ArrayList<>();
  private final Accounts accounts = new Accounts();
  private final ManagingStaff staff =
      new ManagingStaff(
          accounts,
          caseFiles,
          new UpdatingCase(
              new GuardedCases(
                  caseFiles,
                  new CaseAccessPolicy(),
                  caseAudit,
                  org.clearpath.domain.audit.AccessLog.NONE,
                  clock),
              units),
          new OfficeAuditTrail() {
            @Override
            public void record(OfficeAuditEntry entry) {
              officeAudit.add(entry);
            }

            @Override
            public List<OfficeAuditEntry> latest(List<String> actions, int limit) {
              return officeAudit;
            }
          },
          clock,
          units,
          org.clearpath.domain.shared.Oversight.NO_TEAMS);
  private final Actor admin = CaseFixture.actor(Role.ADMIN, Role.SUPERVISOR);

  /** Accounts as Keycloak would hold them. */
  static final class Accounts implements StaffAccounts {
    final Map<UserId, StaffMember> members = new LinkedHashMap<>();

    @Override
    public List<StaffMember> all() {
      return List.copyOf(members.values());
    }

    @Override
    public Optional<StaffMember> find(UserId id) {
      return Optional.ofNullable(members.get(id));
    }

    @Override
    public Invited invite(String username, String first, String last, String email, Role role) {
      var member =
          new StaffMember(
              new UserId(UUID.randomUUID().toString()), username, first, email, Set.of(role), true);
      members.put(member.id(), member);
      return new Invited(member, "One-Time-1");
    }

    @Override
    public void deactivate(UserId id) {
      var m = members.get(id);
      members.put(id, new StaffMember(m.id(), m.username(), m.name(), m.email(), m.roles(), false));
    }

    @Override
    public String resetPassword(UserId id) {
      return "One-Time-2";
    }

    final Map<UserId, Integer> authenticators = new LinkedHashMap<>();

    @Override
    public int resetSecondFactor(UserId id) {
      var removed = authenticators.getOrDefault(id, 0);
      authenticators.put(id, 0);
      return removed;
    }
  }

  @Test
  void an_admin_invites_counselors_and_supervisors_only_and_each_change_is_audited() {
    var invited =
        staff.invite(admin, " Counselor.Zhou ", "周", "敏", "zhou@example.org", Role.COUNSELOR);
    assertThat(invited.member().username()).isEqualTo("counselor.zhou");
    assertThat(invited.oneTimePassword()).isNotBlank();
    for (var role : List.of(Role.ADMIN, Role.DIRECTOR, Role.CLIENT)) {
      assertThatThrownBy(
              () -> staff.invite(admin, "x.y" + role.ordinal(), "X", "", "x@example.org", role))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("role"));
    }
    assertThatThrownBy(() -> staff.invite(admin, "a b", "X", "", "x@example.org", Role.COUNSELOR))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("username"));
    var supervisorOnly = CaseFixture.actor(Role.SUPERVISOR);
    assertThatThrownBy(
            () -> staff.invite(supervisorOnly, "x.y", "X", "", "x@example.org", Role.COUNSELOR))
        .isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> staff.all(CaseFixture.anyCounselor()))
        .isInstanceOf(NotPermitted.class);

    var reset = staff.resetPassword(admin, invited.member().id());
    assertThat(reset.member().username()).isEqualTo(invited.member().username());
    assertThat(reset.oneTimePassword()).isNotBlank();
    assertThat(officeAudit)
        .extracting(OfficeAuditEntry::action)
        .containsExactly("staff.invited", "staff.password-reset");
  }

  @Test
  void an_admin_resets_a_lost_second_factor_which_is_audited_with_how_many_went() {
    var invited =
        staff.invite(admin, "counselor.zhou", "周", "", "zhou@example.org", Role.COUNSELOR);
    var zhou = invited.member().id();
    accounts.authenticators.put(zhou, 2);
    assertThatThrownBy(() -> staff.resetSecondFactor(CaseFixture.actor(Role.SUPERVISOR), zhou))
        .isInstanceOf(NotPermitted.class);
    assertThat(accounts.authenticators).containsEntry(zhou, 2);
    assertThatThrownBy(() -> staff.resetSecondFactor(admin, new UserId("nobody")))
        .isInstanceOf(org.clearpath.domain.shared.NotFound.class);

    staff.resetSecondFactor(admin, zhou);
    assertThat(accounts.authenticators).containsEntry(zhou, 0);
    assertThat(officeAudit.getLast().action()).isEqualTo("staff.second-factor-reset");
    assertThat(officeAudit.getLast().details())
        .containsEntry("username", "counselor.zhou")
        .containsEntry("user", zhou.value())
        .containsEntry("removed", "2");
  }

  @Test
  void a_leaving_counselor_is_deactivated_and_their_open_cases_handed_over_together() {
    var leaving =
        staff.invite(admin, "counselor.qian", "钱", "", "qian@example.org", Role.COUNSELOR);
    var taking = staff.invite(admin, "counselor.sun", "孙", "", "sun@example.org", Role.COUNSELOR);
    var qian = new Actor(leaving.member().id(), "counselor.qian", Set.of(Role.COUNSELOR));
    for (int i = 0; i < 3; i++) {
      caseFiles.add(CaseFixture.anyCaseOf(qian, CaseFixture.anyClient()));
    }
    var gone = staff.deactivate(admin, leaving.member().id());
    assertThat(gone.member().enabled()).isFalse();
    assertThat(gone.openCases()).isEqualTo(3);
    assertThatThrownBy(() -> staff.deactivate(admin, admin.id())).isInstanceOf(Exception.class);

    assertThatThrownBy(() -> staff.handOver(admin, leaving.member().id(), leaving.member().id()))
        .isInstanceOf(InvalidInput.class);
    assertThat(staff.handOver(admin, leaving.member().id(), taking.member().id())).isEqualTo(3);
    assertThat(caseFiles.assignedTo(taking.member().id())).hasSize(3);
    assertThat(caseFiles.assignedTo(leaving.member().id())).isEmpty();
    assertThat(caseAudit.entries).filteredOn(e -> e.action().equals("case.reassigned")).hasSize(3);
    assertThat(officeAudit.getLast().details()).containsEntry("cases", "3");
  }
}
