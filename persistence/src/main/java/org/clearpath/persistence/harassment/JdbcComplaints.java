package org.clearpath.persistence.harassment;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.harassment.Complaint;
import org.clearpath.domain.harassment.Complaints;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.Sql;

/** {@link Complaints} in {@code complaint} and {@code complaint_flag}. */
@Singleton
public class JdbcComplaints implements Complaints {
  // a complaint's flags in their order, as a column of its row
  private static final String FLAG_IDS =
      "array(select l.flag_id from complaint_flag l where l.complaint_id = c.id"
          + " order by l.position) as flag_ids";

  private final JdbcOperations jdbc;

  JdbcComplaints(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void add(Complaint complaint) {
    Sql.update(
        jdbc.getConnection(),
        "insert into complaint (id, case_id, body_code, text, status, drafted_by, drafted_by_name,"
            + " drafted_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        complaint.id(),
        complaint.caseId().value(),
        complaint.bodyCode(),
        complaint.text(),
        complaint.status().name(),
        complaint.draftedBy().value(),
        complaint.draftedByName(),
        complaint.draftedAt());
    OrderedLinks.insert(
        jdbc, "complaint_flag", "complaint_id", "flag_id", complaint.id(), complaint.flagIds());
  }

  @Override
  @Transactional
  public void update(Complaint changed) {
    int rows =
        Sql.update(
            jdbc.getConnection(),
            "update complaint set text = ?, status = ?, review_note = ?, reviewed_by_name = ?,"
                + " reviewed_at = ?, filed_on = ?, reference = ?, answer_due = ?, answered_on = ?,"
                + " answer = ?, closed_on = ?, closing_note = ?, version = version + 1"
                + " where id = ? and version = ?",
            changed.text(),
            changed.status().name(),
            changed.reviewNote(),
            changed.reviewedByName(),
            changed.reviewedAt(),
            changed.filedOn(),
            changed.reference(),
            changed.answerDue(),
            changed.answeredOn(),
            changed.answer(),
            changed.closedOn(),
            changed.closingNote(),
            changed.id(),
            changed.version());
    if (rows != 1) {
      throw new StaleVersion("the complaint");
    }
  }

  @Override
  @Connectable
  public Optional<Complaint> find(UUID id) {
    return query("c.id = ?", id).stream().findFirst();
  }

  @Override
  @Connectable
  public List<Complaint> ofCase(CaseId caseId) {
    return query("c.case_id = ?", caseId.value());
  }

  @Override
  @Connectable
  public List<InQueue> open(
      org.clearpath.domain.shared.Reach reach, java.time.LocalDate today, int offset, int limit) {
    // one page of the queue with its cases' names and its flags: one statement
    return Sql.query(
        jdbc.getConnection(),
        "select c.*, "
            + FLAG_IDS
            + ", k.client_name, k.counselor_id, k.counselor_name from complaint c"
            + " join case_file k on k.id = c.case_id where c.status <> 'CLOSED'"
            + org.clearpath.persistence.Reaches.condition(reach, "k.counselor_id")
            + " order by case when c.status = 'DRAFTED' then 0"
            + "   when c.status = 'FILED' and c.answer_due < ? then 1 else 2 end,"
            + " c.drafted_at, c.id offset ? limit ?",
        rows ->
            new InQueue(
                read(rows),
                rows.getString("client_name"),
                new UserId(rows.getString("counselor_id")),
                rows.getString("counselor_name")),
        org.clearpath.persistence.Reaches.with(reach, today, offset, limit));
  }

  @Override
  @Connectable
  public int countOpen(org.clearpath.domain.shared.Reach reach) {
    return Sql.query(
            jdbc.getConnection(),
            "select count(*) from complaint c join case_file k on k.id = c.case_id"
                + " where c.status <> 'CLOSED'"
                + org.clearpath.persistence.Reaches.condition(reach, "k.counselor_id"),
            rows -> rows.getInt(1),
            org.clearpath.persistence.Reaches.with(reach))
        .getFirst();
  }

  /** The complaints matching {@code where} with their flags' ids in order: one statement. */
  private List<Complaint> query(String where, UUID parameter) {
    return Sql.query(
        jdbc.getConnection(),
        "select c.*, "
            + FLAG_IDS
            + " from complaint c join case_file k on k.id = c.case_id where "
            + where
            + " order by c.drafted_at, c.id",
        JdbcComplaints::read,
        parameter);
  }

  private static Complaint read(ResultSet rows) throws SQLException {
    var id = rows.getObject("id", UUID.class);
    var reviewedAt = rows.getTimestamp("reviewed_at");
    return new Complaint(
        id,
        new CaseId(rows.getObject("case_id", UUID.class)),
        rows.getString("body_code"),
        List.of((UUID[]) rows.getArray("flag_ids").getArray()),
        rows.getString("text"),
        Complaint.Status.valueOf(rows.getString("status")),
        new UserId(rows.getString("drafted_by")),
        rows.getString("drafted_by_name"),
        rows.getTimestamp("drafted_at").toInstant(),
        rows.getString("review_note"),
        rows.getString("reviewed_by_name"),
        reviewedAt == null ? null : reviewedAt.toInstant(),
        Sql.date(rows, "filed_on"),
        rows.getString("reference"),
        Sql.date(rows, "answer_due"),
        Sql.date(rows, "answered_on"),
        rows.getString("answer"),
        Sql.date(rows, "closed_on"),
        rows.getString("closing_note"),
        rows.getLong("version"));
  }
}
