package org.clearpath.persistence.evidence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.evidence.EvidenceFile;
import org.clearpath.domain.evidence.EvidenceFiles;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.UserId;

/**
 * {@link EvidenceFiles} in PostgreSQL: the description in {@code evidence_file}, the bytes in
 * {@code evidence_content}; triggers keep both append-only.
 */
@Singleton
public class JdbcEvidenceFiles implements EvidenceFiles {
  private static final String COLUMNS =
      "id, case_id, contact_id, file_name, media_type, size_bytes, sha256, description, source,"
          + " uploaded_by, uploaded_by_name, uploaded_at";
  private final JdbcOperations jdbc;

  JdbcEvidenceFiles(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void store(EvidenceFile file, byte[] content) {
    jdbc.prepareStatement(
        "insert into evidence_file (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        statement -> {
          int i = 1;
          statement.setObject(i++, file.id());
          statement.setObject(i++, file.caseId().value());
          statement.setObject(i++, file.contactId());
          statement.setString(i++, file.fileName());
          statement.setString(i++, file.mediaType());
          statement.setLong(i++, file.size());
          statement.setString(i++, file.sha256());
          statement.setString(i++, file.description());
          statement.setString(i++, file.source().name());
          statement.setString(i++, file.uploadedBy().value());
          statement.setString(i++, file.uploadedByName());
          statement.setTimestamp(i, Timestamp.from(file.uploadedAt()));
          return statement.executeUpdate();
        });
    jdbc.prepareStatement(
        "insert into evidence_content (file_id, content) values (?, ?)",
        statement -> {
          statement.setObject(1, file.id());
          statement.setBytes(2, content);
          return statement.executeUpdate();
        });
  }

  @Override
  @ReadOnly
  public Optional<EvidenceFile> find(UUID id) {
    return query("select " + COLUMNS + " from evidence_file where id = ?", id).stream().findFirst();
  }

  @Override
  @ReadOnly
  public List<EvidenceFile> ofCase(CaseId caseId) {
    return query(
        "select " + COLUMNS + " from evidence_file where case_id = ? order by uploaded_at, id",
        caseId.value());
  }

  @Override
  @ReadOnly
  public byte[] content(UUID id) {
    return jdbc.prepareStatement(
        "select content from evidence_content where file_id = ?",
        statement -> {
          statement.setObject(1, id);
          try (var rows = statement.executeQuery()) {
            if (!rows.next()) {
              throw new NotFound("content of evidence file " + id);
            }
            return rows.getBytes(1);
          }
        });
  }

  private List<EvidenceFile> query(String sql, UUID parameter) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          statement.setObject(1, parameter);
          try (var rows = statement.executeQuery()) {
            var found = new ArrayList<EvidenceFile>();
            while (rows.next()) {
              found.add(read(rows));
            }
            return found;
          }
        });
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
