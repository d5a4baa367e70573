package org.clearpath.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearpath.domain.casefile.CaseFixture.anyClient;
import static org.clearpath.domain.casefile.CaseFixture.anyCounselor;
import static org.clearpath.domain.casefile.CaseFixture.anySupervisor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.junit.jupiter.api.Test;

class OpeningCaseTest {
  private final Instant now = Instant.parse("2026-11-23T02:30:00Z");
  private final CaseFixture.InMemoryCaseFiles caseFiles = new CaseFixture.InMemoryCaseFiles();
  private final CaseFixture.InMemoryAuditTrail audit = new CaseFixture.InMemoryAuditTrail();
  private final CaseAccessPolicy policy = new CaseAccessPolicy();
  private final OpeningCase opening =
      new OpeningCase(caseFiles, audit, policy, Clock.fixed(now, ZoneOffset.UTC), CaseId::random);
  private final ViewingCases viewing =
      new ViewingCases(
          caseFiles,
          policy,
          new GuardedCases(
              caseFiles,
              policy,
              audit,
              org.clearpath.domain.audit.AccessLog.NONE,
              Clock.fixed(now, ZoneOffset.UTC)));

  @Test
  void a_counselor_opens_a_case_into_their_own_caseload_and_it_is_audited() {
    var counselor = anyCounselor();
    var client = anyClient();

    var opened =
        opening.open(new OpenCase(new ClientName("陈小明"), Optional.of(client.id())), counselor);

    assertThat(opened.counselor()).isEqualTo(counselor.id());
    assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(opened.openedAt()).isEqualTo(now);
    assertThat(visible(counselor)).containsExactly(CaseSummary.of(opened));
    assertThat(audit.ofCase(opened.id()))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo("case.opened");
              assertThat(entry.actor()).isEqualTo(counselor.id());
              assertThat(entry.at()).isEqualTo(now);
              assertThat(entry.details())
                  .containsEntry("clientName", "陈小明")
                  .containsEntry("clientLogin", client.id().value());
            });
  }

  @Test
  void a_supervisor_or_client_cannot_open_a_case_and_nothing_is_written() {
    for (var actor : new org.clearpath.domain.shared.Actor[] {anySupervisor(), anyClient()}) {
      assertThatThrownBy(
              () -> opening.open(new OpenCase(new ClientName("X"), Optional.empty()), actor))
          .isInstanceOf(NotPermitted.class);
    }
    assertThat(caseFiles.stored).isEmpty();
    assertThat(audit.entries).isEmpty();
  }

  @Test
  void each_role_sees_exactly_what_it_may() {
    var wang = anyCounselor();
    var li = anyCounselor();
    var chen = anyClient();
    var liu = anyClient();
    var chensCase =
        opening.open(new OpenCase(new ClientName("Chen"), Optional.of(chen.id())), wang);
    var liusCase = opening.open(new OpenCase(new ClientName("Liu"), Optional.of(liu.id())), li);

    assertThat(visible(wang)).containsExactly(CaseSummary.of(chensCase));
    assertThat(visible(li)).containsExactly(CaseSummary.of(liusCase));
    assertThat(visible(chen)).containsExactly(CaseSummary.of(chensCase));
    assertThat(visible(anySupervisor()))
        .containsExactlyInAnyOrder(CaseSummary.of(chensCase), CaseSummary.of(liusCase));

    assertThat(viewing.get(chensCase.id(), chen)).isEqualTo(chensCase);
    assertThatThrownBy(() -> viewing.get(liusCase.id(), chen)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> viewing.get(liusCase.id(), wang)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> viewing.get(CaseId.random(), anySupervisor()))
        .isInstanceOf(NotFound.class);
  }

  private java.util.List<CaseSummary> visible(org.clearpath.domain.shared.Actor actor) {
    return viewing.page(CaseQuery.firstPage(CaseQuery.MAX_SIZE), actor).cases();
  }
}
