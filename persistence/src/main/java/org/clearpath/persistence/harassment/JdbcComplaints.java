package org.clearpath.persistence.harassment;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clearpath.domain.harassment.Complaint;
import org.clearpath.domain.harassment.Complaints;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;

/** {@link Complaints} in {@code complaint} and {@code complaint_flag}. */
@Singleton
public class JdbcComplaints implements Complaints {
  private final JdbcOperations jdbc;

  JdbcComplaints(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void add(Complaint complaint) {
    jdbc.prepareStatement(
        "insert into complaint (id, case_id, body_code, text, status, drafted_by, drafted_by_name,"
            + " drafted_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        statement -> {
          statement.setObject(1, complaint.id());
          statement.setObject(2, complaint.caseId().value());
          statement.setString(3, complaint.bodyCode());
          statement.setString(4, complaint.text());
          statement.setString(5, complaint.status().name());
          statement.setString(6, complaint.draftedBy().value());
          statement.setString(7, complaint.draftedByName());
          statement.setTimestamp(8, Timestamp.from(complaint.draftedAt()));
          return statement.executeUpdate();
        });
    OrderedLinks.insert(
        jdbc, "complaint_flag", "complaint_id", "flag_id", complaint.id(), complaint.flagIds());
  }

  @Override
  @Transactional
  public void update(Complaint changed) {
    int rows =
        jdbc.prepareStatement(
            "update complaint set text = ?, status = ?, review_note = ?, reviewed_by_name = ?,"
                + " reviewed_at = ?, filed_on = ?, reference = ?, answer_due = ?, answered_on = ?,"
                + " answer = ?, closed_on = ?, closing_note = ?, version = version + 1"
                + " where id = ? and version = ?",
            statement -> {
              int i = 1;
              statement.setString(i++, changed.text());
              statement.setString(i++, changed.status().name());
              statement.setString(i++, changed.reviewNote());
              statement.setString(i++, changed.reviewedByName());
              statement.setTimestamp(
                  i++, changed.reviewedAt() == null ? null : Timestamp.from(changed.reviewedAt()));
              statement.setDate(i++, date(changed.filedOn()));
              statement.setString(i++, changed.reference());
              statement.setDate(i++, date(changed.answerDue()));
              statement.setDate(i++, date(changed.answeredOn()));
              statement.setString(i++, changed.answer());
              statement.setDate(i++, date(changed.closedOn()));
              statement.setString(i++, changed.closingNote());
              statement.setObject(i++, changed.id());
              statement.setLong(i, changed.version());
              return statement.executeUpdate();
            });
    if (rows != 1) {
      throw new StaleVersion("the complaint");
    }
  }

  @Override
  @ReadOnly
  public Optional<Complaint> find(UUID id) {
    return query("c.id = ?", id).stream().findFirst();
  }

  @Override
  @ReadOnly
  public List<Complaint> ofCase(CaseId caseId) {
    return query("c.case_id = ?", caseId.value());
  }

  @Override
  @Connectable
  public List<InQueue> open(
      Optional<UserId> counselor, java.time.LocalDate today, int offset, int limit) {
    // the page's ids first, in queue order; then its rows and its flags, and nothing more
    List<UUID> ids =
        jdbc.prepareStatement(
            "select c.id from complaint c join case_file k on k.id = c.case_id"
                + " where c.status <> 'CLOSED'"
                + (counselor.isPresent() ? " and k.counselor_id = ?" : "")
                + " order by case when c.status = 'DRAFTED' then 0"
                + "   when c.status = 'FILED' and c.answer_due < ? then 1 else 2 end,"
                + " c.drafted_at, c.id offset ? limit ?",
            statement -> {
              int i = 1;
              if (counselor.isPresent()) {
                statement.setString(i++, counselor.get().value());
              }
              statement.setDate(i++, Date.valueOf(today));
              statement.setInt(i++, offset);
              statement.setInt(i, limit);
              try (var result = statement.executeQuery()) {
                var page = new ArrayList<UUID>();
                while (result.next()) {
                  page.add(result.getObject(1, UUID.class));
                }
                return page;
              }
            });
    if (ids.isEmpty()) {
      return List.of();
    }
    var array = ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    var flags = flagIds("c.id = any(cast(? as uuid[]))", array);
    Map<UUID, InQueue> byId =
        jdbc.prepareStatement(
            "select c.*, k.client_name, k.counselor_id, k.counselor_name from complaint c"
                + " join case_file k on k.id = c.case_id where c.id = any(cast(? as uuid[]))",
            statement -> {
              statement.setString(1, array);
              try (var rows = statement.executeQuery()) {
                var found = new java.util.HashMap<UUID, InQueue>();
                while (rows.next()) {
                  var complaint = read(rows, flags);
                  found.put(
                      complaint.id(),
                      new InQueue(
                          complaint,
                          rows.getString("client_name"),
                          new UserId(rows.getString("counselor_id")),
                          rows.getString("counselor_name")));
                }
                return found;
              }
            });
    return ids.stream().map(byId::get).toList();
  }

  @Override
  @Connectable
  public int countOpen(Optional<UserId> counselor) {
    return jdbc.prepareStatement(
        "select count(*) from complaint c join case_file k on k.id = c.case_id"
            + " where c.status <> 'CLOSED'"
            + (counselor.isPresent() ? " and k.counselor_id = ?" : ""),
        statement -> {
          if (counselor.isPresent()) {
            statement.setString(1, counselor.get().value());
          }
          try (var result = statement.executeQuery()) {
            result.next();
            return result.getInt(1);
          }
        });
  }

  private List<Complaint> query(String where, UUID parameter) {
    var flags = flagIds(where, parameter);
    return jdbc.prepareStatement(
        "select c.* from complaint c join case_file k on k.id = c.case_id where "
            + where
            + " order by c.drafted_at, c.id",
        statement -> {
          statement.setObject(1, parameter);
          try (var rows = statement.executeQuery()) {
            var found = new ArrayList<Complaint>();
            while (rows.next()) {
              found.add(read(rows, flags));
            }
            return found;
          }
        });
  }

  private Map<UUID, List<UUID>> flagIds(String where, Object parameter) {
    return OrderedLinks.read(
        jdbc,
        "select l.complaint_id, l.flag_id from complaint_flag l join complaint c on c.id ="
            + " l.complaint_id join case_file k on k.id = c.case_id where "
            + where
            + " order by l.complaint_id, l.position",
        parameter);
  }

  private static Complaint read(ResultSet rows, Map<UUID, List<UUID>> flags) throws SQLException {
    var id = rows.getObject("id", UUID.class);
    var reviewedAt = rows.getTimestamp("reviewed_at");
    return new Complaint(
        id,
        new CaseId(rows.getObject("case_id", UUID.class)),
        rows.getString("body_code"),
        flags.getOrDefault(id, List.of()),
        rows.getString("text"),
        Complaint.Status.valueOf(rows.getString("status")),
        new UserId(rows.getString("drafted_by")),
        rows.getString("drafted_by_name"),
        rows.getTimestamp("drafted_at").toInstant(),
        rows.getString("review_note"),
        rows.getString("reviewed_by_name"),
        reviewedAt == null ? null : reviewedAt.toInstant(),
        localDate(rows, "filed_on"),
        rows.getString("reference"),
        localDate(rows, "answer_due"),
        localDate(rows, "answered_on"),
        rows.getString("answer"),
        localDate(rows, "closed_on"),
        rows.getString("closing_note"),
        rows.getLong("version"));
  }

  private static LocalDate localDate(ResultSet rows, String column) throws SQLException {
    var date = rows.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
