package org.clearpath.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.sql.DriverManager;
import java.util.Random;
import org.clearpath.domain.evidence.Sha256;
import org.junit.jupiter.api.Test;

/** V16 cuts the evidence stored whole before it into chunks that read back to the same bytes. */
class EvidenceChunksMigrationTest {

  @Test
  void files_stored_whole_come_out_of_their_chunks_byte_for_byte() throws Exception {
    var db = OlderSchema.at("15");
    var random = new Random(16);
    var sizes = new int[] {1, 262144, 262145, 800_000};
    var contents = new byte[sizes.length][];
    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
      for (int i = 0; i < sizes.length; i++) {
        contents[i] = new byte[sizes[i]];
        random.nextBytes(contents[i]);
        var id = "00000000-0000-0000-0000-00000000010" + i;
        try (var file =
                connection.prepareStatement(
                    "insert into evidence_file (id, case_id, file_name, media_type, size_bytes,"
                        + " sha256, source, uploaded_by, uploaded_by_name, uploaded_at) values"
                        + " (?::uuid, '00000000-0000-0000-0000-000000000001', 'a.mp3',"
                        + " 'audio/mpeg', ?, ?, 'STAFF', 'u1', 'w', now())");
            var content =
                connection.prepareStatement(
                    "insert into evidence_content (file_id, content) values (?::uuid, ?)")) {
          file.setString(1, id);
          file.setLong(2, sizes[i]);
          file.setString(3, Sha256.of(contents[i]));
          file.executeUpdate();
          content.setString(1, id);
          content.setBytes(2, contents[i]);
          content.executeUpdate();
        }
      }
    }

    OlderSchema.migrateTheRest(db);

    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var chunks =
            connection.prepareStatement(
                "select bytes from evidence_chunk where file_id = ?::uuid order by n")) {
      for (int i = 0; i < sizes.length; i++) {
        chunks.setString(1, "00000000-0000-0000-0000-00000000010" + i);
        var whole = new ByteArrayOutputStream();
        int count = 0;
        try (var rows = chunks.executeQuery()) {
          while (rows.next()) {
            whole.write(rows.getBytes(1));
            count++;
          }
        }
        assertThat(whole.toByteArray()).as("%d bytes", sizes[i]).isEqualTo(contents[i]);
        assertThat(count).isEqualTo((sizes[i] + 262143) / 262144);
      }
    }
    assertThat(db.count("select count(*) from pg_tables where tablename = 'evidence_content'"))
        .isZero();
  }
}
