package org.clearpath.persistence.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.ContactDetails;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Outcome;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.evidence.EvidenceFile;
import org.clearpath.domain.evidence.Sha256;
import org.clearpath.domain.harassment.Complaint;
import org.clearpath.domain.harassment.Flag;
import org.clearpath.domain.harassment.FlagKind;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.evidence.JdbcEvidenceFiles;
import org.clearpath.persistence.harassment.JdbcComplaints;
import org.clearpath.persistence.harassment.JdbcFlags;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactAndEvidenceStoreTest implements TestPropertyProvider {
  private static final Instant AT = Instant.parse("2026-11-20T14:30:00Z");
  @Inject JdbcCaseFiles caseFiles;
  @Inject JdbcContactLog log;
  @Inject JdbcEvidenceFiles files;
  @Inject JdbcFlags flags;
  @Inject JdbcComplaints complaints;
  @Inject io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private CaseId aCase(String counselor) {
    return org.clearpath.persistence.testing.TestCases.open(caseFiles, counselor, AT);
  }

  private static ContactEntry entry(CaseId caseId, UUID corrects, String summary) {
    return new ContactEntry(
        UUID.randomUUID(),
        caseId,
        new ContactDetails(
            AT,
            ZoneId.of("Asia/Shanghai"),
            null,
            null,
            "某某资产",
            "张三",
            "95000",
            Direction.INBOUND,
            Channel.PHONE,
            Party.FAMILY,
            "139",
            true,
            summary,
            Outcome.REFUSED,
            LocalDate.of(2026, 11, 25),
            org.clearpath.domain.contact.ThirdPartyPurpose.LOCATE_ONLY,
            true),
        corrects,
        corrects == null ? null : "typo",
        new UserId("c1"),
        "counselor.wang",
        AT.plusSeconds(60));
  }

  /** An open flag a counselor raised on 20 November, over the given log entries. */
  private static Flag flag(
      CaseId caseId,
      FlagKind kind,
      String rule,
      String findingKey,
      String description,
      List<UUID> contactIds) {
    return new Flag(
        UUID.randomUUID(),
        caseId,
        kind,
        Flag.Source.COUNSELOR,
        rule,
        findingKey,
        description,
        Flag.WRITTEN,
        LocalDate.of(2026, 11, 20),
        LocalDate.of(2026, 11, 20),
        contactIds,
        List.of(),
        Flag.Status.OPEN,
        null,
        new UserId("c1"),
        "w",
        AT,
        0);
  }

  @Test
  void entries_come_back_whole_and_a_second_correction_of_one_entry_is_refused() {
    var caseId = aCase("c1");
    var first = entry(caseId, null, "打给母亲");
    log.append(first);
    var fix = entry(caseId, first.id(), "打给母亲，说要起诉");
    log.append(fix);

    assertThat(log.find(first.id())).contains(first);
    assertThat(log.ofCase(caseId)).containsExactly(first, fix);
    assertThatThrownBy(() -> log.append(entry(caseId, first.id(), "another branch")))
        .isInstanceOf(StaleVersion.class);
  }

  @Test
  void the_logs_of_many_cases_read_together_match_them_case_by_case() {
    var talked = aCase("c-batch");
    var silent = aCase("c-batch");
    var first = entry(talked, null, "一");
    log.append(first);
    log.append(entry(talked, first.id(), "一，更正"));
    var other = aCase("c-batch");
    log.append(entry(other, null, "二"));

    var cases = List.of(talked, silent, other);
    var logs = log.ofCases(cases);
    assertThat(logs).containsOnlyKeys(cases);
    for (var caseId : cases) {
      assertThat(logs.get(caseId)).containsExactlyElementsOf(log.ofCase(caseId));
    }
    assertThat(logs.get(talked)).hasSize(2);
    assertThat(logs.get(silent)).isEmpty();
    assertThat(log.ofCases(List.of())).isEmpty();
  }

  private void store(EvidenceFile file, byte[] content) {
    transactions.executeWrite(
        status -> {
          assertThat(
                  files.storeContent(
                      file.caseId(), file.id(), new java.io.ByteArrayInputStream(content)))
              .isEqualTo(content.length);
          files.store(file);
          return null;
        });
  }

  private byte[] read(UUID fileId) {
    try (var in = files.content(fileId)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private EvidenceFile described(CaseId caseId, byte[] content) {
    return described(caseId, null, "录音.mp3", "audio/mpeg", content);
  }

  private EvidenceFile described(
      CaseId caseId, UUID contactId, String name, String mediaType, byte[] content) {
    return new EvidenceFile(
        UUID.randomUUID(),
        caseId,
        contactId,
        name,
        mediaType,
        content.length,
        Sha256.of(content),
        null,
        EvidenceFile.Source.STAFF,
        new UserId("c1"),
        "w",
        AT);
  }

  @Test
  void content_is_kept_in_chunks_and_read_back_whole_with_or_without_a_transaction()
      throws Exception {
    var caseId = aCase("c1");
    var random = new java.util.Random(7);
    for (var size : new int[] {1, 256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 700_001}) {
      var content = new byte[size];
      random.nextBytes(content);
      var file = described(caseId, content);
      store(file, content);
      assertThat(read(file.id())).as("%d bytes", size).isEqualTo(content);
      byte[] inATransaction = transactions.executeRead(status -> read(file.id()));
      assertThat(inATransaction).isEqualTo(content);
      assertThat(
              database.count(
                  "select count(*) from evidence_chunk where file_id = '" + file.id() + "'"))
          .isEqualTo((size + 256 * 1024 - 1) / (256 * 1024));
    }
    assertThat(read(UUID.randomUUID())).as("nothing stored").isEmpty();
  }

  @Test
  void content_is_sealed_under_the_cases_key_and_each_chunk_opens_only_in_its_place()
      throws Exception {
    var caseId = aCase("c1");
    var text = "催收员威胁联系我的单位和家人。".repeat(20_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var file = described(caseId, null, "记录.txt", "text/plain", text);
    store(file, text);
    assertThat(read(file.id())).isEqualTo(text);
    var marker =
        java.util.HexFormat.of()
            .formatHex("催收员威胁".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(
            database.count(
                "select count(*) from evidence_chunk where encode(bytes, 'hex') like '%"
                    + marker
                    + "%'"))
        .isZero();
    assertThat(
            database.count(
                "select count(*) from evidence_chunk where file_id = '" + file.id() + "'"))
        .isGreaterThan(1);

    // the first two chunks swapped, as only a superuser past the triggers could: neither opens
    database.execute(
        "set session_replication_role = replica; update evidence_chunk set n = 1000 where file_id"
            + " = '"
            + file.id()
            + "' and n = 0; update evidence_chunk set n = 0 where file_id = '"
            + file.id()
            + "' and n = 1; update evidence_chunk set n = 1 where file_id = '"
            + file.id()
            + "' and n = 1000");
    assertThatThrownBy(() -> read(file.id()))
        .hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class);

    // a file stored before sealing (V32) is read as it was kept
    var old =
        described(
            caseId,
            null,
            "旧.txt",
            "text/plain",
            "旧的证据".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    database.execute(
        "set session_replication_role = replica; insert into evidence_file (id, case_id,"
            + " file_name, media_type, size_bytes, sha256, source, uploaded_by, uploaded_by_name,"
            + " uploaded_at) values ('"
            + old.id()
            + "', '"
            + caseId.value()
            + "', '旧.txt', 'text/plain', 12, '"
            + old.sha256()
            + "', 'STAFF', 'c1', 'w', now()); insert into evidence_chunk (file_id, n, bytes)"
            + " values ('"
            + old.id()
            + "', 0, convert_to('旧的证据', 'UTF8'))");
    assertThat(new String(read(old.id()), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("旧的证据");
  }

  @Test
  void content_without_its_file_described_in_the_same_transaction_is_not_kept() {
    var id = UUID.randomUUID();
    var caseId = aCase("c1");
    assertThatThrownBy(
            () ->
                transactions.executeWrite(
                    status ->
                        files.storeContent(
                            caseId, id, new java.io.ByteArrayInputStream(new byte[] {1}))))
        .hasStackTraceContaining("evidence_chunk");
    assertThat(read(id)).isEmpty();
  }

  @Test
  void the_database_refuses_to_edit_or_delete_log_entries_and_evidence() {
    var caseId = aCase("c1");
    var first = entry(caseId, null, "原文");
    log.append(first);
    var content = "%PDF-1.4 letter".getBytes();
    var file = described(caseId, first.id(), "信.pdf", "application/pdf", content);
    store(file, content);

    assertThat(files.find(file.id())).contains(file);
    assertThat(read(file.id())).isEqualTo(content);
    assertThat(files.ofCase(caseId)).containsExactly(file);
    assertThatThrownBy(() -> database.execute("update contact_entry set summary = 'changed'"))
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> database.execute("delete from contact_entry"))
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> database.execute("update evidence_chunk set bytes = 'x'::bytea"))
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> database.execute("delete from evidence_file"))
        .hasStackTraceContaining("append-only");
    assertThat(log.find(first.id()).orElseThrow().details().summary()).isEqualTo("原文");
    assertThat(log.find(first.id()).orElseThrow().details()).isEqualTo(first.details());
  }

  @Test
  void flags_keep_their_evidence_in_order_and_complaints_their_lifecycle_with_versions() {
    var caseId = aCase("c-queue-" + UUID.randomUUID());
    var a = entry(caseId, null, "a");
    var b = entry(caseId, null, "b");
    log.append(a);
    log.append(b);
    var flag = flag(caseId, FlagKind.THREATS, null, null, "威胁", List.of(b.id(), a.id()));
    flags.add(flag);
    assertThat(flags.find(flag.id())).contains(flag);
    flags.dismiss(flag.id(), "not a threat", 0);
    assertThatThrownBy(() -> flags.dismiss(flag.id(), "again", 0)).isInstanceOf(StaleVersion.class);
    assertThat(flags.ofCase(caseId).getFirst().status()).isEqualTo(Flag.Status.DISMISSED);

    var complaint =
        new Complaint(
            UUID.randomUUID(),
            caseId,
            "12378",
            List.of(flag.id()),
            "text",
            Complaint.Status.DRAFTED,
            new UserId("c1"),
            "w",
            AT,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0);
    complaints.add(complaint);
    var reviewed = complaint.reviewed("ok", "supervisor.zhao", AT);
    complaints.update(reviewed);
    var stored = complaints.find(complaint.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(Complaint.Status.REVIEWED);
    assertThat(stored.flagIds()).containsExactly(flag.id());
    assertThat(stored.version()).isEqualTo(1);
    assertThatThrownBy(() -> complaints.update(reviewed)).isInstanceOf(StaleVersion.class);
    var counselor = caseFiles.find(caseId).orElseThrow().counselor();
    var today = LocalDate.of(2026, 12, 1);
    assertThat(complaints.open(org.clearpath.domain.shared.Reach.caseload(counselor), today, 0, 50))
        .extracting(q -> q.complaint().id())
        .containsExactly(complaint.id());
    assertThat(complaints.countOpen(org.clearpath.domain.shared.Reach.caseload(counselor)))
        .isEqualTo(1);
    assertThat(complaints.open(org.clearpath.domain.shared.Reach.caseload(counselor), today, 1, 50))
        .isEmpty();
    assertThat(
            complaints.open(
                org.clearpath.domain.shared.Reach.caseload(new UserId("nobody")), today, 0, 50))
        .isEmpty();
    assertThat(
            complaints.countOpen(org.clearpath.domain.shared.Reach.caseload(new UserId("nobody"))))
        .isZero();
  }
}
