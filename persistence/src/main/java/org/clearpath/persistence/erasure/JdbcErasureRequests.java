package org.clearpath.persistence.erasure;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.erasure.ErasureRequest;
import org.clearpath.domain.erasure.ErasureRequests;
import org.clearpath.domain.erasure.LegalHold;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Reach;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.Reaches;
import org.clearpath.persistence.Sql;

/** {@link ErasureRequests} in {@code erasure_request}, the holds on {@code case_file} (V35). */
@Singleton
public class JdbcErasureRequests implements ErasureRequests {
  private static final String COLUMNS =
      "r.id, r.case_id, r.requested_by, r.requested_by_name, r.requested_as, r.requested_at,"
          + " r.status, r.decided_by_name, r.decided_at, r.note, r.version";
  private final JdbcOperations jdbc;

  JdbcErasureRequests(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void add(ErasureRequest request) {
    try {
      Sql.update(
          jdbc.getConnection(),
          "insert into erasure_request (id, case_id, requested_by, requested_by_name,"
              + " requested_as, requested_at, status) values (?, ?, ?, ?, ?, ?, ?)",
          request.id(),
          request.caseId().value(),
          request.requestedBy().value(),
          request.requestedByName(),
          request.requestedAs().name(),
          request.requestedAt(),
          request.status().name());
    } catch (org.clearpath.persistence.SqlFailure e) {
      if (e.isDuplicate()) {
        throw new StaleVersion("the case's erasure request (one is open already)");
      }
      throw e;
    }
  }

  @Override
  @Connectable
  public Optional<ErasureRequest> find(UUID id) {
    return Sql.query(
            jdbc.getConnection(),
            "select " + COLUMNS + " from erasure_request r where r.id = ?",
            JdbcErasureRequests::read,
            id)
        .stream()
        .findFirst();
  }

  @Override
  @Connectable
  public Optional<ErasureRequest> openOf(CaseId caseId) {
    return Sql.query(
            jdbc.getConnection(),
            "select "
                + COLUMNS
                + " from erasure_request r where r.case_id = ? and r.status = 'REQUESTED'",
            JdbcErasureRequests::read,
            caseId.value())
        .stream()
        .findFirst();
  }

  @Override
  @Connectable
  public List<ErasureRequest> open(Reach reach, int limit) {
    return Sql.query(
        jdbc.getConnection(),
        "select "
            + COLUMNS
            + " from erasure_request r join case_file c on c.id = r.case_id"
            + " where r.status = 'REQUESTED'"
            + Reaches.condition(reach, "c.counselor_id")
            + " order by r.requested_at, r.id limit ?",
        JdbcErasureRequests::read,
        Reaches.with(reach, limit));
  }

  @Override
  @Transactional
  public void decide(ErasureRequest decided) {
    var changed =
        Sql.update(
            jdbc.getConnection(),
            "update erasure_request set status = ?, decided_by_name = ?, decided_at = ?,"
                + " note = ?, version = version + 1 where id = ? and version = ?"
                + " and status = 'REQUESTED'",
            decided.status().name(),
            decided.decidedByName(),
            decided.decidedAt(),
            decided.note(),
            decided.id(),
            decided.version());
    if (changed == 0) {
      throw new StaleVersion("erasure request " + decided.id());
    }
  }

  @Override
  @Connectable
  public Optional<LegalHold> holdOf(CaseId caseId) {
    return Sql.query(
            jdbc.getConnection(),
            "select legal_hold_reason, legal_hold_by_name, legal_hold_at from case_file"
                + " where id = ? and legal_hold_reason is not null",
            rows ->
                new LegalHold(
                    rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant()),
            caseId.value())
        .stream()
        .findFirst();
  }

  @Override
  @Transactional
  public void setHold(CaseId caseId, LegalHold hold) {
    Sql.update(
        jdbc.getConnection(),
        "update case_file set legal_hold_reason = ?, legal_hold_by_name = ?, legal_hold_at = ?"
            + " where id = ?",
        hold == null ? null : hold.reason(),
        hold == null ? null : hold.setByName(),
        hold == null ? null : hold.at(),
        caseId.value());
  }

  private static ErasureRequest read(ResultSet rows) throws SQLException {
    var decidedAt = rows.getTimestamp("decided_at");
    return new ErasureRequest(
        rows.getObject("id", UUID.class),
        new CaseId(rows.getObject("case_id", UUID.class)),
        new UserId(rows.getString("requested_by")),
        rows.getString("requested_by_name"),
        ErasureRequest.RequestedAs.valueOf(rows.getString("requested_as")),
        rows.getTimestamp("requested_at").toInstant(),
        ErasureRequest.Status.valueOf(rows.getString("status")),
        rows.getString("decided_by_name"),
        decidedAt == null ? null : decidedAt.toInstant(),
        rows.getString("note"),
        rows.getLong("version"));
  }
}
