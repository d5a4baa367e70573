package org.clearpath.persistence.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.CaseQuery;
import org.clearpath.domain.casefile.CaseStatus;
import org.clearpath.domain.casefile.CaseSummary;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.ClientRecord;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The client's phone, email, ID number and household notes are nowhere in the database in plain
 * text, cases are still found by phone and ID number, records written before sealing are sealed at
 * the next start, and a rotation of the master key wraps every data key again.
 */
class SealedClientRecordsTest {
  private static final String KEY_B = "the-next-master-key-of-this-install-0987654321";
  private static final String PHONE = "138 0013 8000";
  private static final String EMAIL = "chen.xiaoming@example.org";
  private static final String ID_NUMBER = "11010519491231002X";
  private static final String NOTES = "家中两个孩子上小学，丈夫失业";

  private static CaseFile aCase(ClientRecord record) {
    return new CaseFile(
        CaseId.random(),
        new ClientName("陈小明"),
        new UserId("counselor-" + UUID.randomUUID()),
        "王咨询师",
        null,
        record,
        CaseStatus.OPEN,
        null,
        org.clearpath.domain.shared.Stage.CURRENT,
        Instant.now().truncatedTo(ChronoUnit.MICROS),
        0);
  }

  private static ApplicationContext app(TestPostgres.Database db, Map<String, String> extra) {
    var properties = new HashMap<String, Object>(db.micronautProperties());
    properties.putAll(extra);
    return ApplicationContext.run(properties);
  }

  /** Every column of every row of the tables that hold a client's data, as text. */
  private static String everything(TestPostgres.Database db) throws Exception {
    var text = new StringBuilder();
    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var statement = connection.createStatement()) {
      for (var table : List.of("case_file", "case_key", "install_key", "audit_entry")) {
        try (var rows = statement.executeQuery("select t::text from " + table + " t")) {
          while (rows.next()) {
            text.append(rows.getString(1)).append('\n');
          }
        }
      }
    }
    return text.toString();
  }

  /** What to look for in the database: each value as text, and as UTF-8 bytes in hex (bytea). */
  private static List<String> traces(String... values) {
    var traces = new ArrayList<String>();
    for (var value : values) {
      traces.add(value);
      traces.add(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)));
    }
    // the phone's digits too, as the old search index kept them
    traces.add("13800138000");
    traces.add(HexFormat.of().formatHex("13800138000".getBytes(StandardCharsets.UTF_8)));
    return traces;
  }

  private static List<CaseId> found(JdbcCaseFiles caseFiles, String text) {
    return caseFiles.page(CaseQuery.firstPage(50).matching(text)).cases().stream()
        .map(CaseSummary::id)
        .toList();
  }

  @Test
  void identifiers_and_notes_are_sealed_yet_read_back_and_found_by_phone_or_id_number()
      throws Exception {
    var db = TestPostgres.freshDatabase();
    try (var context = app(db, Map.of())) {
      var caseFiles = context.getBean(JdbcCaseFiles.class);
      var stored = aCase(new ClientRecord(PHONE, EMAIL, ID_NUMBER, NOTES, "Asia/Shanghai", "CN"));
      caseFiles.add(stored);
      var other =
          aCase(new ClientRecord("139 0000 0000", null, "310101199001011234", null, null, null));
      caseFiles.add(other);

      var read = caseFiles.find(stored.id()).orElseThrow().client();
      assertThat(read.phone()).isEqualTo(PHONE);
      assertThat(read.email()).isEqualTo(EMAIL);
      assertThat(read.idNumber()).isEqualTo(ID_NUMBER);
      assertThat(read.householdNotes()).isEqualTo(NOTES);
      assertThat(read.zone()).isEqualTo("Asia/Shanghai");

      assertThat(everything(db)).doesNotContain(traces(PHONE, EMAIL, ID_NUMBER, NOTES));

      // found by the phone however it is written, and by the ID number in either case
      assertThat(found(caseFiles, "13800138000")).containsExactly(stored.id());
      assertThat(found(caseFiles, "138-0013-8000")).containsExactly(stored.id());
      assertThat(found(caseFiles, "11010519491231002x")).containsExactly(stored.id());
      assertThat(found(caseFiles, "13800138001")).isEmpty();

      // a changed phone: found by the new one only
      var changed =
          caseFiles.update(
              caseFiles
                  .find(stored.id())
                  .orElseThrow()
                  .withClient(
                      new ClientRecord(
                          "+86 186 1234 5678", EMAIL, ID_NUMBER, NOTES, "Asia/Shanghai", "CN")));
      assertThat(changed.client().phone()).isEqualTo("+86 186 1234 5678");
      assertThat(found(caseFiles, "+8618612345678")).containsExactly(stored.id());
      assertThat(found(caseFiles, "13800138000")).isEmpty();
      assertThat(everything(db)).doesNotContain("18612345678");

      // a record moved to another case does not open there: each is bound to its case (the case
      // reads; its record fails when it is opened)
      db.execute(
          "update case_file set client_record = (select client_record from case_file where id = '"
              + stored.id().value()
              + "') where id = '"
              + other.id().value()
              + "'");
      var moved = caseFiles.find(other.id()).orElseThrow();
      assertThatThrownBy(moved::client)
          .hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class);
    }
  }

  @Test
  void
      records_written_before_sealing_are_sealed_at_the_next_start_and_a_rotation_rewraps_every_key()
          throws Exception {
    var db = TestPostgres.freshDatabase();
    CaseId old;
    String firstKeyId;
    try (var context = app(db, Map.of())) {
      var caseFiles = context.getBean(JdbcCaseFiles.class);
      firstKeyId = context.getBean(MasterKeys.class).currentId();
      old = aCase(ClientRecord.EMPTY).id();
      // as a release before V31 left it: in plain columns
      db.execute(
          "insert into case_file (id, client_name, counselor_id, counselor_name, status, stage,"
              + " opened_at, phone, email, id_number, household_notes, version) values ('"
              + old.value()
              + "', '刘芳', 'counselor-x', '王', 'OPEN', 'CURRENT', now(), '"
              + PHONE
              + "', '"
              + EMAIL
              + "', '"
              + ID_NUMBER
              + "', '"
              + NOTES
              + "', 0)");
      caseFiles.add(aCase(new ClientRecord("139 1111 2222", null, null, "另一户", null, null)));
    }
    try (var context = app(db, Map.of())) {
      var caseFiles = context.getBean(JdbcCaseFiles.class);
      var read = caseFiles.find(old).orElseThrow().client();
      assertThat(read.phone()).isEqualTo(PHONE);
      assertThat(read.householdNotes()).isEqualTo(NOTES);
      assertThat(found(caseFiles, ID_NUMBER)).containsExactly(old);
      assertThat(everything(db)).doesNotContain(traces(PHONE, EMAIL, ID_NUMBER, NOTES));
    }

    // the new master key, the old one named as replaced: every key is wrapped again at the start
    try (var context =
        app(
            db,
            Map.of(
                "clearpath.crypto.master-key",
                KEY_B,
                "clearpath.crypto.previous-master-keys",
                TestPostgres.MASTER_KEY))) {
      var newKeyId = context.getBean(MasterKeys.class).currentId();
      assertThat(newKeyId).isNotEqualTo(firstKeyId);
      assertThat(
              db.count("select count(*) from case_key where master_key_id <> '" + newKeyId + "'"))
          .isZero();
      assertThat(
              db.count(
                  "select count(*) from install_key where master_key_id <> '" + newKeyId + "'"))
          .isZero();
      assertThat(db.count("select count(*) from case_key")).isEqualTo(2);
    }
    // and the old key is no longer needed: the new one alone reads and finds everything
    try (var context = app(db, Map.of("clearpath.crypto.master-key", KEY_B))) {
      var caseFiles = context.getBean(JdbcCaseFiles.class);
      assertThat(caseFiles.find(old).orElseThrow().client().email()).isEqualTo(EMAIL);
      assertThat(found(caseFiles, "13800138000")).containsExactly(old);
    }
    // while with the retired key alone the app does not start, and says which setting is missing
    assertThatThrownBy(() -> app(db, Map.of()).close())
        .hasStackTraceContaining("CLEARPATH_PREVIOUS_MASTER_KEYS");
  }

  @Test
  void the_master_key_can_come_from_a_file_and_is_the_same_key_there() throws java.io.IOException {
    var file = java.nio.file.Files.createTempFile("master", ".key");
    try {
      java.nio.file.Files.writeString(file, KEY_B + "\n");
      var fromFile = new MasterKeys("", file.toString(), "");
      var fromSetting = new MasterKeys(KEY_B, "", "");
      assertThat(fromFile.currentId()).isEqualTo(fromSetting.currentId());
      var aad = "case-key:x".getBytes(StandardCharsets.UTF_8);
      var dataKey = MasterKeys.newDataKey();
      assertThat(fromSetting.unwrap(fromFile.currentId(), fromFile.wrap(dataKey, aad), aad))
          .isEqualTo(dataKey);
      assertThat(new MasterKeys(TestPostgres.MASTER_KEY, "", "").currentId())
          .isNotEqualTo(fromFile.currentId());
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void a_master_key_is_required_and_long_enough() {
    assertThatThrownBy(() -> new MasterKeys("", "", ""))
        .hasMessageContaining("CLEARPATH_MASTER_KEY");
    assertThatThrownBy(() -> new MasterKeys("too-short", "", ""))
        .hasMessageContaining("at least 32 bytes");
  }
}
