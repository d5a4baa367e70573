package org.clearpath.persistence.plan;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.plan.PlanApproval;
import org.clearpath.domain.plan.PlanApprovals;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.persistence.MessageColumns;
import org.clearpath.persistence.Sql;

/** {@link PlanApprovals} in {@code plan_approval}, one row per proposal that needs one. */
@Singleton
public class JdbcPlanApprovals implements PlanApprovals {
  private static final String COLUMNS =
      "plan_id, status, "
          + MessageColumns.select("why_code", "why_params", "why")
          + ", requested_at, decided_by_name, decided_at, note, version";
  private final JdbcOperations jdbc;

  JdbcPlanApprovals(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  private static PlanApproval read(ResultSet rows) throws SQLException {
    var decided = rows.getTimestamp("decided_at");
    return new PlanApproval(
        rows.getObject("plan_id", UUID.class),
        PlanApproval.Status.valueOf(rows.getString("status")),
        MessageColumns.read(rows, "why"),
        rows.getTimestamp("requested_at").toInstant(),
        rows.getString("decided_by_name"),
        decided == null ? null : decided.toInstant(),
        rows.getString("note"),
        rows.getLong("version"));
  }

  @Override
  @Transactional
  public void add(PlanApproval approval) {
    var why = MessageColumns.parameters(approval.why());
    Sql.update(
        jdbc.getConnection(),
        "insert into plan_approval (plan_id, status, why_code, why_params, requested_at)"
            + " values (?, ?, "
            + MessageColumns.VALUES
            + ", ?)",
        approval.planId(),
        approval.status().name(),
        why[0],
        why[1],
        why[2],
        approval.requestedAt());
  }

  @Override
  @Connectable
  public Optional<PlanApproval> find(UUID planId) {
    return Sql.query(
            jdbc.getConnection(),
            "select " + COLUMNS + " from plan_approval where plan_id = ?",
            JdbcPlanApprovals::read,
            planId)
        .stream()
        .findFirst();
  }

  @Override
  @Connectable
  public Map<UUID, PlanApproval> ofPlans(Collection<UUID> planIds) {
    var found = new HashMap<UUID, PlanApproval>();
    if (planIds.isEmpty()) {
      return found;
    }
    Sql.query(
        jdbc.getConnection(),
        "select " + COLUMNS + " from plan_approval where plan_id = any(?)",
        rows -> found.put(rows.getObject("plan_id", UUID.class), read(rows)),
        (Object) planIds.toArray(UUID[]::new));
    return found;
  }

  @Override
  @Transactional
  public void decide(PlanApproval decided, long version) {
    var changed =
        Sql.update(
            jdbc.getConnection(),
            "update plan_approval set status = ?, decided_by_name = ?, decided_at = ?, note = ?,"
                + " version = version + 1 where plan_id = ? and version = ?",
            decided.status().name(),
            decided.decidedByName(),
            decided.decidedAt(),
            decided.note(),
            decided.planId(),
            version);
    if (changed == 0) {
      throw new StaleVersion("the plan's approval");
    }
  }
}
