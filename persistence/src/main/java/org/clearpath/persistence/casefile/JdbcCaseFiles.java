package org.clearpath.persistence.casefile;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.casefile.CaseId;
import org.clearpath.domain.casefile.CaseStatus;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.shared.UserId;

/** {@link CaseFiles} in the {@code case_file} table. */
@Singleton
public class JdbcCaseFiles implements CaseFiles {
  private final CaseFileRowRepository rows;
  private final io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;

  JdbcCaseFiles(CaseFileRowRepository rows, io.micronaut.data.jdbc.runtime.JdbcOperations jdbc) {
    this.rows = rows;
    this.jdbc = jdbc;
  }

  @Override
  @io.micronaut.transaction.annotation.ReadOnly
  public List<CaseFile> search(String text, Optional<UserId> counselor, int limit) {
    var needle = text == null ? "" : text.strip();
    var digits = needle.replaceAll("[\\s-]", "");
    return jdbc.prepareStatement(
        """
        select * from case_file
        where (lower(client_name) like '%' || lower(?) || '%'
               or regexp_replace(phone, '[\\s-]', '', 'g') = ?
               or id_number = upper(?))
          and (cast(? as varchar) is null or counselor_id = ?)
        order by opened_at desc
        limit ?
        """,
        statement -> {
          statement.setString(1, needle.replace("%", "").replace("_", ""));
          statement.setString(2, digits);
          statement.setString(3, needle);
          statement.setString(4, counselor.map(UserId::value).orElse(null));
          statement.setString(5, counselor.map(UserId::value).orElse(null));
          statement.setInt(6, limit);
          try (var result = statement.executeQuery()) {
            var found = new java.util.ArrayList<CaseFile>();
            while (result.next()) {
              found.add(toDomain(jdbc.readEntity(result, CaseFileRow.class)));
            }
            return found;
          }
        });
  }

  /** Only the editable columns: the stage belongs to the stage job and is never overwritten. */
  @Override
  @io.micronaut.transaction.annotation.Transactional
  public CaseFile update(CaseFile changed) {
    var updated =
        jdbc.prepareStatement(
            """
            update case_file set counselor_id = ?, counselor_name = ?, phone = ?, email = ?,
                   id_number = ?, household_notes = ?, status = ?, status_reason = ?,
                   version = version + 1
            where id = ? and version = ?
            """,
            statement -> {
              var client = changed.client();
              statement.setString(1, changed.counselor().value());
              statement.setString(2, changed.counselorName());
              statement.setString(3, client.phone());
              statement.setString(4, client.email());
              statement.setString(5, client.idNumber());
              statement.setString(6, client.householdNotes());
              statement.setString(7, changed.status().name());
              statement.setString(8, changed.statusReason());
              statement.setObject(9, changed.id().value());
              statement.setLong(10, changed.version());
              return statement.executeUpdate();
            });
    if (updated == 0) {
      throw new org.clearpath.domain.shared.StaleVersion("case " + changed.id());
    }
    return find(changed.id()).orElseThrow();
  }

  @Override
  public void add(CaseFile caseFile) {
    rows.save(
        new CaseFileRow(
            caseFile.id().value(),
            caseFile.clientName().value(),
            caseFile.counselor().value(),
            caseFile.counselorName(),
            caseFile.clientLoginIfAny().map(UserId::value).orElse(null),
            caseFile.client().phone(),
            caseFile.client().email(),
            caseFile.client().idNumber(),
            caseFile.client().householdNotes(),
            caseFile.status().name(),
            caseFile.statusReason(),
            caseFile.stage().name(),
            caseFile.openedAt(),
            null));
  }

  @Override
  public Optional<CaseFile> find(CaseId id) {
    return rows.findById(id.value()).map(JdbcCaseFiles::toDomain);
  }

  @Override
  public List<CaseFile> assignedTo(UserId counselor) {
    return toDomain(rows.findByCounselorIdOrderByOpenedAtDesc(counselor.value()));
  }

  @Override
  public List<CaseFile> ofClient(UserId client) {
    return toDomain(rows.findByClientLoginIdOrderByOpenedAtDesc(client.value()));
  }

  @Override
  public List<CaseFile> all() {
    return toDomain(rows.listOrderByOpenedAtDesc());
  }

  private static List<CaseFile> toDomain(List<CaseFileRow> found) {
    return found.stream().map(JdbcCaseFiles::toDomain).toList();
  }

  private static CaseFile toDomain(CaseFileRow row) {
    return new CaseFile(
        new CaseId(row.id()),
        new ClientName(row.clientName()),
        new UserId(row.counselorId()),
        row.counselorName(),
        row.clientLoginId() == null ? null : new UserId(row.clientLoginId()),
        new org.clearpath.domain.casefile.ClientRecord(
            row.phone(), row.email(), row.idNumber(), row.householdNotes()),
        CaseStatus.valueOf(row.status()),
        row.statusReason(),
        org.clearpath.domain.stage.Stage.valueOf(row.stage()),
        row.openedAt(),
        row.version());
  }
}
