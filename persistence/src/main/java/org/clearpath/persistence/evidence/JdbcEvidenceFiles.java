package org.clearpath.persistence.evidence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.evidence.EvidenceFile;
import org.clearpath.domain.evidence.EvidenceFiles;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.Sql;
import org.clearpath.persistence.crypto.CaseKeys;

/**
 * {@link EvidenceFiles} in PostgreSQL: the description in {@code evidence_file}, the bytes in
 * {@code evidence_chunk}, 256 KiB a row (V16), each sealed under the case's key (V32); triggers
 * keep both append-only. Content goes in and out one chunk at a time, so a file never sits whole in
 * memory.
 */
@Singleton
public class JdbcEvidenceFiles implements EvidenceFiles {
  private static final String COLUMNS =
      "id, case_id, contact_id, file_name, media_type, size_bytes, sha256, description, source,"
          + " uploaded_by, uploaded_by_name, uploaded_at";

  /** The size of a stored piece. */
  static final int CHUNK = 256 * 1024;

  private final JdbcOperations jdbc;
  private final TransactionOperations<Connection> transactions;
  private final CaseKeys keys;

  JdbcEvidenceFiles(
      JdbcOperations jdbc, TransactionOperations<Connection> transactions, CaseKeys keys) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.keys = keys;
  }

  /** What a chunk is bound to: its file and its place, so none opens elsewhere or out of order. */
  private static byte[] aad(UUID fileId, int n) {
    return ("evidence:" + fileId + ":" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  @Transactional
  public long storeContent(CaseId caseId, UUID fileId, InputStream content) {
    var connection = jdbc.getConnection();
    var key = keys.of(connection, caseId.value());
    var buffer = new byte[CHUNK];
    long stored = 0;
    try {
      for (int n = 0; ; n++) {
        var filled = content.readNBytes(buffer, 0, CHUNK);
        if (filled == 0) {
          return stored;
        }
        Sql.update(
            connection,
            "insert into evidence_chunk (file_id, n, bytes) values (?, ?, ?)",
            fileId,
            n,
            CaseKeys.sealWith(
                key, filled == CHUNK ? buffer : Arrays.copyOf(buffer, filled), aad(fileId, n)));
        stored += filled;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the upload broke off", e);
    }
  }

  @Override
  @Transactional
  public void store(EvidenceFile file) {
    Sql.update(
        jdbc.getConnection(),
        "insert into evidence_file ("
            + COLUMNS
            + ", sealed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)",
        file.id(),
        file.caseId().value(),
        file.contactId(),
        file.fileName(),
        file.mediaType(),
        file.size(),
        file.sha256(),
        file.description(),
        file.source().name(),
        file.uploadedBy().value(),
        file.uploadedByName(),
        file.uploadedAt());
  }

  @Override
  @Connectable
  public Optional<EvidenceFile> find(UUID id) {
    return query("select " + COLUMNS + " from evidence_file where id = ?", id).stream().findFirst();
  }

  @Override
  @Connectable
  public List<EvidenceFile> ofCase(CaseId caseId) {
    return query(
        "select " + COLUMNS + " from evidence_file where case_id = ? order by uploaded_at, id",
        caseId.value());
  }

  @Override
  public InputStream content(UUID id) {
    return new Chunks(id);
  }

  /**
   * A file's content, fetched a chunk at a time as it is read: within the caller's transaction if
   * there is one, else in a short read of its own per chunk (the content never changes).
   */
  private final class Chunks extends InputStream {
    private final UUID fileId;
    // the case's key when the file's chunks are sealed, looked up with the first chunk
    private java.util.Optional<javax.crypto.spec.SecretKeySpec> key;
    private int next;
    private byte[] chunk = new byte[0];
    private int position;
    private boolean ended;

    Chunks(UUID fileId) {
      this.fileId = fileId;
    }

    /** Fetches the next chunk once this one is read (no chunk is empty, V16). */
    private boolean fill() {
      if (!ended && position == chunk.length) {
        var n = next++;
        var bytes =
            transactions.executeRead(
                status -> {
                  if (key == null) {
                    key = keyOf(fileId);
                  }
                  return Sql.query(
                      jdbc.getConnection(),
                      "select bytes from evidence_chunk where file_id = ? and n = ?",
                      rows -> rows.getBytes(1),
                      fileId,
                      n);
                });
        ended = bytes.isEmpty();
        chunk =
            ended
                ? new byte[0]
                : key.isPresent() ? opened(key.get(), bytes.getFirst(), n) : bytes.getFirst();
        position = 0;
      }
      return position < chunk.length;
    }

    private byte[] opened(javax.crypto.spec.SecretKeySpec key, byte[] sealed, int n) {
      try {
        return CaseKeys.openWith(key, sealed, aad(fileId, n));
      } catch (IllegalStateException changed) {
        throw new EvidenceFiles.Unopenable(
            "chunk " + n + " of evidence file " + fileId + " does not open under its key", changed);
      }
    }

    @Override
    public int read() {
      return fill() ? chunk[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      java.util.Objects.checkFromIndexSize(offset, length, into.length);
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      var n = Math.min(length, chunk.length - position);
      System.arraycopy(chunk, position, into, offset, n);
      position += n;
      return n;
    }

    @Override
    public int available() {
      return chunk.length - position;
    }

    @Override
    public void close() {
      ended = true;
      chunk = new byte[0];
      position = 0;
    }
  }

  /** The files stored before V32 and still plain, of cases not erased. */
  private static final String EARLIER =
      " from evidence_file e join case_file c on c.id = e.case_id"
          + " where not e.sealed and c.erased_at is null";

  /** Whether any file stored before V32 is still plain (a read the runtime login may make). */
  @Connectable
  public boolean anyEarlier() {
    return !Sql.query(jdbc.getConnection(), "select 1" + EARLIER + " limit 1", rows -> true)
        .isEmpty();
  }

  /**
   * Seals the chunks of one file stored before V32, plain until now, under its case's key, then
   * marks it sealed; false when none is left. In the caller's transaction on {@code owner}, a
   * connection as the tables' owner (V39: the runtime login may not rewrite a chunk); the file's
   * row stays locked until it ends, and another instance skips it. One chunk is held at a time. The
   * files of erased cases are left (their chunks are gone, and so is their key).
   */
  public boolean sealOneEarlier(Connection owner) {
    Sql.execute(owner, "set local clearpath.sealing_evidence = 'on'");
    var file =
        Sql.query(
            owner,
            "select e.id, e.case_id"
                + EARLIER
                + " order by e.uploaded_at, e.id limit 1 for update of e skip locked",
            rows -> List.of(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)));
    if (file.isEmpty()) {
      return false;
    }
    var fileId = file.getFirst().get(0);
    var key = keys.of(owner, file.getFirst().get(1));
    for (int n = 0; ; n++) {
      var plain =
          Sql.query(
              owner,
              "select bytes from evidence_chunk where file_id = ? and n = ?",
              rows -> rows.getBytes(1),
              fileId,
              n);
      if (plain.isEmpty()) {
        break;
      }
      Sql.update(
          owner,
          "update evidence_chunk set bytes = ? where file_id = ? and n = ?",
          CaseKeys.sealWith(key, plain.getFirst(), aad(fileId, n)),
          fileId,
          n);
    }
    Sql.update(owner, "update evidence_file set sealed = true where id = ?", fileId);
    return true;
  }

  /** The key a file's chunks are sealed under: none for a file stored before V32 (or none yet). */
  private java.util.Optional<javax.crypto.spec.SecretKeySpec> keyOf(UUID fileId) {
    return Sql.query(
            jdbc.getConnection(),
            """
            select e.case_id, k.master_key_id, k.wrapped from evidence_file e
            join case_key k on k.case_id = e.case_id
            where e.id = ? and e.sealed
            """,
            rows -> keys.open(rows.getObject(1, UUID.class), rows.getString(2), rows.getBytes(3)),
            fileId)
        .stream()
        .findFirst();
  }

  private List<EvidenceFile> query(String sql, UUID parameter) {
    return Sql.query(jdbc.getConnection(), sql, JdbcEvidenceFiles::read, parameter);
  }

  private static EvidenceFile read(ResultSet rows) throws SQLException {
    return new EvidenceFile(
        rows.getObject("id", UUID.class),
        new CaseId(rows.getObject("case_id", UUID.class)),
        rows.getObject("contact_id", UUID.class),
        rows.getString("file_name"),
        rows.getString("media_type"),
        rows.getLong("size_bytes"),
        rows.getString("sha256"),
        rows.getString("description"),
        EvidenceFile.Source.valueOf(rows.getString("source")),
        new UserId(rows.getString("uploaded_by")),
        rows.getString("uploaded_by_name"),
        rows.getTimestamp("uploaded_at").toInstant());
  }
}
