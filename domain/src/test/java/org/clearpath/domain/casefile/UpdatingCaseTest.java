package org.clearpath.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearpath.domain.casefile.CaseFixture.anyClient;
import static org.clearpath.domain.casefile.CaseFixture.anyCounselor;
import static org.clearpath.domain.casefile.CaseFixture.anySupervisor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.StaleVersion;
import org.junit.jupiter.api.Test;

class UpdatingCaseTest {
  private final CaseFixture.InMemoryCaseFiles caseFiles = new CaseFixture.InMemoryCaseFiles();
  private final CaseFixture.InMemoryAuditTrail audit = new CaseFixture.InMemoryAuditTrail();
  private final CaseFixture.CountedUnits units = new CaseFixture.CountedUnits(audit);
  private final UpdatingCase updating =
      new UpdatingCase(
          new GuardedCases(
              caseFiles,
              new CaseAccessPolicy(),
              audit,
              org.clearpath.domain.audit.AccessLog.NONE,
              Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC)),
          units);
  private final org.clearpath.domain.shared.Actor counselor = anyCounselor();
  private final org.clearpath.domain.shared.Actor client = anyClient();
  private final CaseFile caseFile = CaseFixture.anyCaseOf(counselor, client);

  {
    caseFiles.add(caseFile);
  }

  @Test
  void the_id_number_is_masked_everywhere_even_in_the_audit_trail() {
    var record =
        new ClientRecord(
            "+86 138-0000-1234", "chen@example.org", "11010519491231002x", "two children");
    assertThat(record.idNumber()).isEqualTo("11010519491231002X");
    assertThat(record.idNumberMasked()).isEqualTo("110***********002X");
    assertThat(record.toString()).doesNotContain("11010519491231002X");
    assertThat(new ClientRecord(null, null, "AB12345", null).idNumberMasked()).isEqualTo("*****45");

    updating.updateClientRecord(caseFile.id(), record, 0, counselor);
    assertThat(audit.entries)
        .singleElement()
        .satisfies(
            e -> assertThat(e.details().values()).noneMatch(v -> v.contains("11010519491231002X")));
  }

  @Test
  void a_jurisdiction_is_a_short_code_kept_upper_case_and_none_means_the_offices() {
    var us = new ClientRecord(null, null, null, null, "America/New_York", " us ");
    assertThat(us.jurisdiction()).isEqualTo("US");
    assertThat(us.jurisdictionOr("CN")).isEqualTo("US");
    assertThat(new ClientRecord(null, null, null, null, null, "  ").jurisdictionOr("CN"))
        .isEqualTo("CN");
    assertThatThrownBy(() -> new ClientRecord(null, null, null, null, null, "C"))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("jurisdiction"));
    assertThatThrownBy(() -> new ClientRecord(null, null, null, null, null, "C-N"))
        .isInstanceOf(InvalidInput.class);

    updating.updateClientRecord(caseFile.id(), us, 0, counselor);
    assertThat(caseFiles.find(caseFile.id()).orElseThrow().client().jurisdiction()).isEqualTo("US");
    assertThat(audit.entries)
        .singleElement()
        .satisfies(
            e -> assertThat(e.details().values()).anyMatch(v -> v.contains("jurisdiction=US")));
  }

  @Test
  void each_change_is_one_unit_of_work_with_its_audit_entry_inside() {
    updating.updateClientRecord(
        caseFile.id(), new ClientRecord("123456", null, "A1B2C3D4", null), 0, counselor);
    updating.changeStatus(caseFile.id(), CaseStatus.IN_NEGOTIATION, "lender talks", 1, counselor);
    updating.reassign(caseFile.id(), counselor.id(), counselor.username(), 2, anySupervisor());
    updating.revealIdNumber(caseFile.id(), counselor);
    assertThat(units.written).isEqualTo(4);
    assertThat(units.auditedWithin).isEqualTo(4).isEqualTo(audit.entries.size());
    assertThat(units.read).isZero();
  }

  @Test
  void a_stale_version_is_refused_and_nothing_changes() {
    updating.updateClientRecord(
        caseFile.id(), new ClientRecord("123456", null, null, null), 0, counselor);
    assertThatThrownBy(
            () ->
                updating.updateClientRecord(
                    caseFile.id(), new ClientRecord("999999", null, null, null), 0, counselor))
        .isInstanceOf(StaleVersion.class);
    assertThat(caseFiles.find(caseFile.id()).orElseThrow().client().phone()).isEqualTo("123456");
  }

  @Test
  void a_status_change_needs_a_reason_and_is_audited_before_and_after() {
    assertThatThrownBy(
            () ->
                updating.changeStatus(caseFile.id(), CaseStatus.IN_NEGOTIATION, " ", 0, counselor))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
    var changed =
        updating.changeStatus(
            caseFile.id(), CaseStatus.IN_NEGOTIATION, "lender agreed to talk", 0, counselor);
    assertThat(changed.status()).isEqualTo(CaseStatus.IN_NEGOTIATION);
    assertThat(changed.statusReason()).isEqualTo("lender agreed to talk");
    assertThat(audit.entries.getLast().details())
        .containsEntry("before", "OPEN")
        .containsEntry("after", "IN_NEGOTIATION");
  }

  @Test
  void only_supervisors_reassign_and_only_staff_reveal_the_id_number() {
    var other = anyCounselor();
    assertThatThrownBy(
            () -> updating.reassign(caseFile.id(), other.id(), other.username(), 0, counselor))
        .isInstanceOf(NotPermitted.class);
    var moved = updating.reassign(caseFile.id(), other.id(), other.username(), 0, anySupervisor());
    assertThat(moved.counselor()).isEqualTo(other.id());

    updating.updateClientRecord(
        caseFile.id(), new ClientRecord(null, null, "A1B2C3D4", null), 1, other);
    assertThat(updating.revealIdNumber(caseFile.id(), other)).isEqualTo("A1B2C3D4");
    assertThat(audit.entries.getLast().action()).isEqualTo("case.id-number-revealed");
    assertThatThrownBy(() -> updating.revealIdNumber(caseFile.id(), client))
        .isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> updating.revealIdNumber(caseFile.id(), counselor))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void contact_formats_are_checked_without_assuming_one_country() {
    assertThatThrownBy(() -> new ClientRecord("call me", null, null, null))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("phone"));
    assertThatThrownBy(() -> new ClientRecord(null, "x@", null, null))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
    assertThatThrownBy(() -> new ClientRecord(null, null, "12-34", null))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("idNumber"));
    assertThat(new ClientRecord("+1 415 555 0100", null, "X1234567", null).phone())
        .isEqualTo("+1 415 555 0100");
  }
}
