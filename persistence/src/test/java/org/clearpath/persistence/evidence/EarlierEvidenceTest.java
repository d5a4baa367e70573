package org.clearpath.persistence.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.clearpath.domain.evidence.Sha256;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.testing.TestCases;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Evidence stored before V32 (plain chunks) is sealed at the start, as the tables' owner: it reads
 * back the same, its words are nowhere in the chunks any more, and a second start changes nothing.
 * The runtime login still may not rewrite a chunk, nor may the owner outside the sealing or on a
 * sealed file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarlierEvidenceTest {
  private static final Instant AT = Instant.parse("2026-11-20T14:30:00Z");
  private final TestPostgres.Database db = TestPostgres.freshDatabaseWithRoles();
  private ApplicationContext app;

  @BeforeAll
  void start() {
    app = ApplicationContext.run(new java.util.HashMap<String, Object>(db.micronautProperties()));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  /** A file as V16 to V31 stored it: its chunks plain, not marked sealed. */
  private UUID storedBeforeV32(CaseId caseId, byte[] content) throws Exception {
    var id = UUID.randomUUID();
    db.execute(
        "set session_replication_role = replica; insert into evidence_file (id, case_id,"
            + " file_name, media_type, size_bytes, sha256, source, uploaded_by, uploaded_by_name,"
            + " uploaded_at) values ('"
            + id
            + "', '"
            + caseId.value()
            + "', '旧.txt', 'text/plain', "
            + content.length
            + ", '"
            + Sha256.of(content)
            + "', 'STAFF', 'c1', 'w', now())");
    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var insert =
            connection.prepareStatement(
                "insert into evidence_chunk (file_id, n, bytes) values (?, ?, ?)")) {
      for (int n = 0; n * JdbcEvidenceFiles.CHUNK < content.length; n++) {
        insert.setObject(1, id);
        insert.setInt(2, n);
        insert.setBytes(
            3,
            java.util.Arrays.copyOfRange(
                content,
                n * JdbcEvidenceFiles.CHUNK,
                Math.min(content.length, (n + 1) * JdbcEvidenceFiles.CHUNK)));
        insert.executeUpdate();
      }
    }
    return id;
  }

  private byte[] read(UUID fileId) throws Exception {
    try (var in = app.getBean(JdbcEvidenceFiles.class).content(fileId)) {
      return in.readAllBytes();
    }
  }

  private long chunksHolding(String words) throws Exception {
    var hex = HexFormat.of().formatHex(words.getBytes(StandardCharsets.UTF_8));
    return db.count(
        "select count(*) from evidence_chunk where encode(bytes, 'hex') like '%" + hex + "%'");
  }

  private static void refused(String url, String user, String password, String sql) {
    assertThatThrownBy(
            () -> {
              try (var connection = DriverManager.getConnection(url, user, password);
                  var statement = connection.createStatement()) {
                statement.execute(sql);
              }
            })
        .as(user + ": " + sql)
        .isInstanceOf(SQLException.class);
  }

  @Test
  void earlier_files_are_sealed_once_and_read_back_the_same() throws Exception {
    var caseId = TestCases.open(app.getBean(JdbcCaseFiles.class), "c1", AT);
    var words = "催收员威胁联系我的单位和家人。";
    var long_ = words.repeat(30_000).getBytes(StandardCharsets.UTF_8); // 1.3 MB, 6 chunks
    var short_ = "旧的证据".getBytes(StandardCharsets.UTF_8);
    var longId = storedBeforeV32(caseId, long_);
    var shortId = storedBeforeV32(caseId, short_);
    assertThat(chunksHolding(words)).isGreaterThan(1);
    assertThat(read(longId)).isEqualTo(long_);

    var owner = db.roles().owner();
    var runtime = db.roles().runtime();
    var rewrite =
        "set clearpath.sealing_evidence = 'on'; update evidence_chunk set bytes = '\\x00' where"
            + " file_id = '"
            + shortId
            + "'";
    // the runtime login may not, even saying it seals; nor the owner without saying so
    refused(db.jdbcUrl(), runtime.user(), runtime.password(), rewrite);
    refused(
        db.jdbcUrl(),
        owner.user(),
        owner.password(),
        "update evidence_chunk set bytes = '\\x00' where file_id = '" + shortId + "'");
    // nor, sealing, change anything but the bytes
    refused(
        db.jdbcUrl(),
        owner.user(),
        owner.password(),
        "set clearpath.sealing_evidence = 'on'; update evidence_chunk set n = n + 100 where"
            + " file_id = '"
            + shortId
            + "'");
    refused(
        db.jdbcUrl(),
        owner.user(),
        owner.password(),
        "set clearpath.sealing_evidence = 'on'; update evidence_file set file_name = 'x' where"
            + " id = '"
            + shortId
            + "'");

    var sealing = app.getBean(EarlierEvidence.class);
    assertThat(sealing.sealAll()).isEqualTo(2);
    assertThat(read(longId)).isEqualTo(long_);
    assertThat(read(shortId)).isEqualTo(short_);
    assertThat(chunksHolding(words)).isZero();
    assertThat(chunksHolding("旧的证据")).isZero();
    assertThat(
            db.count(
                "select count(*) from evidence_file where sealed and id in ('"
                    + longId
                    + "', '"
                    + shortId
                    + "')"))
        .isEqualTo(2);
    // once sealed, never again, and not even the owner sealing may touch it
    assertThat(sealing.sealAll()).isZero();
    assertThat(read(shortId)).isEqualTo(short_);
    refused(db.jdbcUrl(), owner.user(), owner.password(), rewrite);
  }
}
