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

  JdbcCaseFiles(CaseFileRowRepository rows) {
    this.rows = rows;
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
            caseFile.status().name(),
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
        CaseStatus.valueOf(row.status()),
        org.clearpath.domain.stage.Stage.valueOf(row.stage()),
        row.openedAt(),
        row.version());
  }
}
