package org.clearpath.persistence.plan;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.plan.CalendarFeeds;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.Sql;

/** {@link CalendarFeeds} in {@code calendar_feed}: one row per case, the secret's hash only. */
@Singleton
public class JdbcCalendarFeeds implements CalendarFeeds {
  private final JdbcOperations jdbc;

  JdbcCalendarFeeds(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void replace(CaseId caseId, String secretSha256, UserId by, Instant at) {
    Sql.update(
        jdbc.getConnection(),
        "insert into calendar_feed (case_id, token_sha256, created_by, created_at)"
            + " values (?, ?, ?, ?) on conflict (case_id) do update set"
            + " token_sha256 = excluded.token_sha256, created_by = excluded.created_by,"
            + " created_at = excluded.created_at",
        caseId.value(),
        secretSha256,
        by.value(),
        at);
  }

  @Override
  @Transactional
  public boolean revoke(CaseId caseId) {
    return Sql.update(
            jdbc.getConnection(), "delete from calendar_feed where case_id = ?", caseId.value())
        > 0;
  }

  @Override
  @Connectable
  public Optional<Instant> createdAt(CaseId caseId) {
    return Sql.query(
            jdbc.getConnection(),
            "select created_at from calendar_feed where case_id = ?",
            rows -> rows.getTimestamp("created_at").toInstant(),
            caseId.value())
        .stream()
        .findFirst();
  }

  @Override
  @Connectable
  public Optional<CaseId> caseFor(String secretSha256) {
    return Sql.query(
            jdbc.getConnection(),
            "select case_id from calendar_feed where token_sha256 = ?",
            rows -> new CaseId(rows.getObject("case_id", UUID.class)),
            secretSha256)
        .stream()
        .findFirst();
  }
}
