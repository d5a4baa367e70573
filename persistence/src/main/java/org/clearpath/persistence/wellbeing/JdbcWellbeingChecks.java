package org.clearpath.persistence.wellbeing;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.wellbeing.WellbeingCheck;
import org.clearpath.domain.wellbeing.WellbeingChecks;
import org.clearpath.persistence.Sql;

/** {@link WellbeingChecks} in {@code wellbeing_check}, which a trigger keeps append-only. */
@Singleton
public class JdbcWellbeingChecks implements WellbeingChecks {
  private final JdbcOperations jdbc;

  JdbcWellbeingChecks(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void add(WellbeingCheck check) {
    Sql.update(
        jdbc.getConnection(),
        "insert into wellbeing_check (id, case_id, occasion, stress, sleep, shame, self_harm,"
            + " note, at, by_id, by_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        check.id(),
        check.caseId().value(),
        check.occasion().name(),
        check.stress(),
        check.sleep(),
        check.shame(),
        check.selfHarm().name(),
        check.note(),
        check.at(),
        check.by().value(),
        check.byName());
  }

  @Override
  @Connectable
  public List<WellbeingCheck> ofCase(CaseId caseId) {
    return Sql.query(
        jdbc.getConnection(),
        "select id, case_id, occasion, stress, sleep, shame, self_harm, note, at, by_id, by_name"
            + " from wellbeing_check where case_id = ? order by at desc, id",
        rows ->
            new WellbeingCheck(
                rows.getObject("id", UUID.class),
                new CaseId(rows.getObject("case_id", UUID.class)),
                WellbeingCheck.Occasion.valueOf(rows.getString("occasion")),
                rows.getInt("stress"),
                rows.getInt("sleep"),
                rows.getInt("shame"),
                WellbeingCheck.SelfHarm.valueOf(rows.getString("self_harm")),
                rows.getString("note"),
                rows.getTimestamp("at").toInstant(),
                new UserId(rows.getString("by_id")),
                rows.getString("by_name")),
        caseId.value());
  }
}
