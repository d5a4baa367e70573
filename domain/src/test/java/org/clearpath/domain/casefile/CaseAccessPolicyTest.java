package org.clearpath.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.domain.casefile.CaseFixture.actor;
import static org.clearpath.domain.casefile.CaseFixture.anyCaseOf;
import static org.clearpath.domain.casefile.CaseFixture.anyClient;
import static org.clearpath.domain.casefile.CaseFixture.anyCounselor;
import static org.clearpath.domain.casefile.CaseFixture.anySupervisor;

import org.junit.jupiter.api.Test;

class CaseAccessPolicyTest {
  private final CaseAccessPolicy policy = new CaseAccessPolicy();
  private final org.clearpath.domain.shared.Actor counselor = anyCounselor();
  private final org.clearpath.domain.shared.Actor client = anyClient();
  private final CaseFile caseFile = anyCaseOf(counselor, client);

  @Test
  void a_counselor_sees_a_case_in_their_own_caseload() {
    assertThat(policy.toView(counselor, caseFile)).isInstanceOf(CaseAccess.Granted.class);
  }

  @Test
  void a_counselor_does_not_see_another_counselors_case() {
    assertThat(policy.toView(anyCounselor(), caseFile)).isInstanceOf(CaseAccess.Denied.class);
  }

  @Test
  void a_supervisor_sees_every_case() {
    assertThat(policy.toView(anySupervisor(), caseFile).granted()).isTrue();
  }

  @Test
  void a_client_sees_their_own_case_only() {
    assertThat(policy.toView(client, caseFile).granted()).isTrue();
    assertThat(policy.toView(anyClient(), caseFile).granted()).isFalse();
  }

  @Test
  void a_client_never_sees_internals_even_of_their_own_case() {
    assertThat(policy.seesInternals(client, caseFile)).isFalse();
    assertThat(policy.seesInternals(counselor, caseFile)).isTrue();
    assertThat(policy.seesInternals(anySupervisor(), caseFile)).isTrue();
    assertThat(policy.seesInternals(anyCounselor(), caseFile)).isFalse();
  }

  @Test
  void someone_without_a_role_sees_nothing() {
    assertThat(policy.toView(actor(), caseFile)).isInstanceOf(CaseAccess.Denied.class);
    assertThat(policy.toOpenCase(actor())).isInstanceOf(CaseAccess.Denied.class);
  }

  @Test
  void only_counselors_open_cases() {
    assertThat(policy.toOpenCase(counselor).granted()).isTrue();
    assertThat(policy.toOpenCase(anySupervisor()).granted()).isFalse();
    assertThat(policy.toOpenCase(client).granted()).isFalse();
  }

  @Test
  void a_denial_says_why() {
    var access = policy.toView(anyClient(), caseFile);
    assertThat(access)
        .isInstanceOfSatisfying(
            CaseAccess.Denied.class, denied -> assertThat(denied.why()).isNotBlank());
  }
}
