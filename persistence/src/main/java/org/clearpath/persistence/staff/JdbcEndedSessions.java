package org.clearpath.persistence.staff;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.clearpath.domain.staff.EndedSessions;
import org.clearpath.persistence.Sql;

/** {@link EndedSessions} in {@code ended_session}, one row per session or user: the latest wins. */
@Singleton
public class JdbcEndedSessions implements EndedSessions {
  private final JdbcOperations jdbc;

  JdbcEndedSessions(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void end(Kind kind, String id, Instant at) {
    Sql.update(
        jdbc.getConnection(),
        "insert into ended_session (kind, id, ended_at) values (?, ?, ?) on conflict (kind, id)"
            + " do update set ended_at = greatest(ended_session.ended_at, excluded.ended_at)",
        kind.name(),
        id,
        at);
  }

  @Override
  @Connectable
  public Map<String, Instant> endedAfter(Kind kind, Instant since) {
    var ended = new HashMap<String, Instant>();
    Sql.query(
            jdbc.getConnection(),
            "select id, ended_at from ended_session where kind = ? and ended_at > ?",
            rows -> Map.entry(rows.getString(1), rows.getTimestamp(2).toInstant()),
            kind.name(),
            since)
        .forEach(e -> ended.put(e.getKey(), e.getValue()));
    return ended;
  }
}
