package org.clearpath.persistence.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearpath.domain.casefile.CaseQuery;
import org.clearpath.domain.casefile.CaseSummary;
import org.clearpath.domain.day.DayItem;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Reach;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.Transactions;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.staff.ManagingTeams;
import org.clearpath.domain.staff.StaffAccounts;
import org.clearpath.domain.staff.StaffMember;
import org.clearpath.domain.staff.Team;
import org.clearpath.persistence.audit.JdbcOfficeAuditTrail;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.day.JdbcDayQueue;
import org.clearpath.persistence.testing.TestCases;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Teams as an admin keeps them (through the use case, on PostgreSQL), and the reach they give a
 * supervisor over the caseload and the day's work.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsStoreTest implements TestPropertyProvider {
  private static final Instant AT = Instant.parse("2026-10-01T02:00:00Z");
  @Inject JdbcTeams teams;
  @Inject JdbcCaseFiles caseFiles;
  @Inject JdbcDayQueue queue;
  @Inject JdbcOfficeAuditTrail audit;
  @Inject Transactions transactions;
  private final TestPostgres.Database database = TestPostgres.freshDatabase();
  private final Map<UserId, StaffMember> staff = new LinkedHashMap<>();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private UserId person(String username, Role role, boolean enabled) {
    var id = new UserId(UUID.randomUUID().toString());
    staff.put(id, new StaffMember(id, username, username, null, Set.of(role), enabled));
    return id;
  }

  private ManagingTeams managing() {
    var accounts =
        new StaffAccounts() {
          @Override
          public List<StaffMember> all() {
            return List.copyOf(staff.values());
          }

          @Override
          public Optional<StaffMember> find(UserId id) {
            return Optional.ofNullable(staff.get(id));
          }

          @Override
          public Invited invite(String u, String f, String l, String e, Role r) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void deactivate(UserId id) {
            throw new UnsupportedOperationException();
          }

          @Override
          public String resetPassword(UserId id) {
            throw new UnsupportedOperationException();
          }

          @Override
          public int resetSecondFactor(UserId id) {
            throw new UnsupportedOperationException();
          }
        };
    return new ManagingTeams(teams, accounts, audit, transactions, Clock.fixed(AT, ZoneOffset.UTC));
  }

  private static Actor actor(UserId id, Role... roles) {
    return new Actor(id, "user", Set.of(roles));
  }

  private List<CaseId> caseload(Reach reach, String text) {
    var query = CaseQuery.firstPage(50).within(reach);
    if (text != null) {
      query = query.matching(text);
    }
    var page = caseFiles.page(query);
    assertThat(page.total()).isEqualTo(page.cases().size());
    return page.cases().stream().map(CaseSummary::id).toList();
  }

  @Test
  void a_supervisor_reaches_their_teams_and_counselors_in_no_team_and_a_move_changes_both_teams() {
    var admin = actor(new UserId(UUID.randomUUID().toString()), Role.ADMIN);
    var li = person("supervisor.li", Role.SUPERVISOR, true);
    var zhou = person("supervisor.zhou", Role.SUPERVISOR, true);
    var wang = person("counselor.wang", Role.COUNSELOR, true);
    var chen = person("counselor.chen", Role.COUNSELOR, true);
    var alone = person("counselor.alone", Role.COUNSELOR, true);
    var wangs = TestCases.open(caseFiles, wang.value(), AT);
    var chens = TestCases.open(caseFiles, chen.value(), AT);
    var alones = TestCases.open(caseFiles, alone.value(), AT);
    var managing = managing();

    // no teams yet: every supervisor reaches every case, as before teams existed
    assertThat(teams.reachOf(actor(li, Role.SUPERVISOR))).isEqualTo(Reach.everyone());

    var east = managing.create(admin, " 东区 ");
    assertThat(east.name()).isEqualTo("东区");
    east = managing.change(admin, east.id(), "东区", List.of(li), List.of(wang, chen), 0);
    assertThat(east.version()).isEqualTo(1);
    assertThat(east.counselors())
        .extracting(Team.Member::username)
        .containsExactly("counselor.chen", "counselor.wang");
    var west = managing.create(admin, "西区");
    // 陈 moves to 西区: 东区 loses her and its version goes up
    west = managing.change(admin, west.id(), "西区", List.of(zhou), List.of(chen), 0);
    assertThat(teams.find(east.id()).orElseThrow().counselors())
        .extracting(Team.Member::id)
        .containsExactly(wang);
    assertThat(teams.find(east.id()).orElseThrow().version()).isEqualTo(2);

    var liReach = teams.reachOf(actor(li, Role.SUPERVISOR));
    var zhouReach = teams.reachOf(actor(zhou, Role.SUPERVISOR));
    assertThat(liReach).isEqualTo(Reach.allBut(Set.of(chen)));
    assertThat(caseload(liReach, null)).containsExactlyInAnyOrder(wangs, alones);
    assertThat(caseload(zhouReach, null)).containsExactlyInAnyOrder(chens, alones);
    // the count that reads the kept counts and the one that counts cases agree with the page
    assertThat(caseFiles.page(CaseQuery.firstPage(1).within(liReach)).total()).isEqualTo(2);
    assertThat(caseload(liReach, "陈小明")).containsExactlyInAnyOrder(wangs, alones);
    assertThat(caseFiles.page(CaseQuery.firstPage(1).within(liReach).matching("陈小明")).total())
        .isEqualTo(2);
    // a director reaches every team
    var director = teams.reachOf(actor(li, Role.SUPERVISOR, Role.DIRECTOR));
    assertThat(caseload(director, null)).containsExactlyInAnyOrder(wangs, chens, alones);

    // the day's work follows the same reach: none of these cases was ever contacted
    var today = LocalDate.of(2026, 12, 1);
    assertThat(queue.quiet(liReach, today, 14, 20).items())
        .extracting(DayItem::caseId)
        .containsExactlyInAnyOrder(wangs, alones);
    assertThat(queue.quiet(zhouReach, today, 14, 20).total()).isEqualTo(2);

    // a team removed: its counselor is in no team, and every supervisor reaches her again
    managing.remove(admin, west.id(), west.version());
    assertThat(teams.reachOf(actor(li, Role.SUPERVISOR))).isEqualTo(Reach.everyone());
    assertThat(teams.reachOf(actor(zhou, Role.SUPERVISOR))).isEqualTo(Reach.allBut(Set.of(wang)));

    assertThat(audit.latest(List.of("team.created", "team.changed", "team.removed"), 50))
        .filteredOn(e -> Set.of("东区", "西区").contains(e.details().get("name")))
        .extracting(e -> e.action() + " " + e.details().get("name"))
        .containsExactlyInAnyOrder(
            "team.created 东区",
            "team.changed 东区",
            "team.created 西区",
            "team.changed 西区",
            "team.removed 西区");
  }

  @Test
  void stale_versions_taken_names_wrong_roles_and_non_admins_are_refused_and_nothing_changes() {
    var admin = actor(new UserId(UUID.randomUUID().toString()), Role.ADMIN);
    var lead = person("supervisor.gao", Role.SUPERVISOR, true);
    var gone = person("supervisor.gone", Role.SUPERVISOR, false);
    var counselor = person("counselor.he", Role.COUNSELOR, true);
    var managing = managing();
    var north = managing.create(admin, "北区-" + UUID.randomUUID());
    managing.change(admin, north.id(), north.name(), List.of(lead), List.of(), 0);

    assertThatThrownBy(
            () -> managing.change(admin, north.id(), north.name(), List.of(), List.of(), 0))
        .isInstanceOf(StaleVersion.class);
    assertThatThrownBy(() -> managing.create(admin, north.name().toUpperCase()))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.why().code()).isEqualTo("refusal.team-name-taken"));
    assertThatThrownBy(() -> managing.create(admin, "  "))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
    // a counselor cannot lead, a deactivated supervisor cannot either
    assertThatThrownBy(
            () ->
                managing.change(admin, north.id(), north.name(), List.of(counselor), List.of(), 1))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("supervisors"));
    assertThatThrownBy(
            () -> managing.change(admin, north.id(), north.name(), List.of(gone), List.of(), 1))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("supervisors"));
    assertThatThrownBy(
            () -> managing.change(admin, north.id(), north.name(), List.of(), List.of(lead), 1))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("counselors"));
    for (var role : List.of(Role.SUPERVISOR, Role.DIRECTOR, Role.COUNSELOR, Role.CLIENT)) {
      var someone = actor(new UserId(UUID.randomUUID().toString()), role);
      assertThatThrownBy(() -> managing.all(someone)).isInstanceOf(NotPermitted.class);
      assertThatThrownBy(() -> managing.create(someone, "南区")).isInstanceOf(NotPermitted.class);
      assertThatThrownBy(() -> managing.remove(someone, north.id(), 1))
          .isInstanceOf(NotPermitted.class);
    }
    assertThatThrownBy(() -> managing.remove(admin, north.id(), 0))
        .isInstanceOf(StaleVersion.class);
    var kept = teams.find(north.id()).orElseThrow();
    assertThat(kept.version()).isEqualTo(1);
    assertThat(kept.supervisors()).extracting(Team.Member::id).containsExactly(lead);
  }
}
