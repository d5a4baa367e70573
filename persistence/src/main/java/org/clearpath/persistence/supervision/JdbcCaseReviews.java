package org.clearpath.persistence.supervision;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.supervision.CaseReview;
import org.clearpath.domain.supervision.CaseReviews;
import org.clearpath.persistence.Sql;

/**
 * {@link CaseReviews} in the append-only {@code case_review}; a review also sets its case's {@code
 * last_reviewed_at}, from which the next one is due.
 */
@Singleton
public class JdbcCaseReviews implements CaseReviews {
  private final JdbcOperations jdbc;
  private final JsonMapper json;

  JdbcCaseReviews(JdbcOperations jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  @Transactional
  public void add(CaseReview review) {
    var actions =
        review.actions().stream()
            .map(a -> Map.of("text", a.text(), "dueOn", a.dueOn().toString()))
            .toList();
    String actionsJson;
    try {
      actionsJson = json.writeValueAsString(actions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var connection = jdbc.getConnection();
    Sql.update(
        connection,
        "insert into case_review (id, case_id, reviewed_at, by_id, by_name, checked, note,"
            + " actions) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
        review.id(),
        review.caseId().value(),
        review.reviewedAt(),
        review.by().value(),
        review.byName(),
        review.checked().stream().map(Enum::name).toArray(String[]::new),
        review.note(),
        actionsJson);
    Sql.update(
        connection,
        "update case_file set last_reviewed_at = greatest(last_reviewed_at, ?) where id = ?",
        review.reviewedAt(),
        review.caseId().value());
  }

  @Override
  @Connectable
  public List<CaseReview> ofCase(CaseId caseId) {
    return Sql.query(
        jdbc.getConnection(),
        "select id, case_id, reviewed_at, by_id, by_name, checked, note, actions::text as actions"
            + " from case_review where case_id = ? order by reviewed_at desc, id",
        rows -> {
          var checked =
              Arrays.stream((String[]) rows.getArray("checked").getArray())
                  .map(CaseReview.Check::valueOf)
                  .toList();
          var actions = new ArrayList<CaseReview.Action>();
          try {
            for (var m :
                json.readValue(
                    rows.getString("actions"),
                    io.micronaut.core.type.Argument.listOf(
                        io.micronaut.core.type.Argument.mapOf(String.class, String.class)))) {
              actions.add(new CaseReview.Action(m.get("text"), LocalDate.parse(m.get("dueOn"))));
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return new CaseReview(
              rows.getObject("id", UUID.class),
              new CaseId(rows.getObject("case_id", UUID.class)),
              rows.getTimestamp("reviewed_at").toInstant(),
              new UserId(rows.getString("by_id")),
              rows.getString("by_name"),
              checked,
              rows.getString("note"),
              actions);
        },
        caseId.value());
  }

  @Override
  @Connectable
  public Optional<Instant> reviewBase(CaseId caseId) {
    return Sql.query(
            jdbc.getConnection(),
            "select review_base from case_file where id = ?",
            rows -> rows.getTimestamp(1).toInstant(),
            caseId.value())
        .stream()
        .findFirst();
  }
}
