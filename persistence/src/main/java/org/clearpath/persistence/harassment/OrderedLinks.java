package org.clearpath.persistence.harassment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Link tables that keep an owner's ids in order ({@code owner, item, position}): flags' entries and
 * files, complaints' flags.
 */
final class OrderedLinks {
  private OrderedLinks() {}

  /** Inserts {@code ids} for {@code owner} in their order. */
  static void insert(
      JdbcOperations jdbc,
      String table,
      String ownerColumn,
      String itemColumn,
      UUID owner,
      List<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.prepareStatement(
        "insert into "
            + table
            + " ("
            + ownerColumn
            + ", "
            + itemColumn
            + ", position) values (?, ?, ?)",
        statement -> {
          for (int p = 0; p < ids.size(); p++) {
            statement.setObject(1, owner);
            statement.setObject(2, ids.get(p));
            statement.setInt(3, p);
            statement.addBatch();
          }
          return statement.executeBatch();
        });
  }

  /**
   * Runs {@code sql}, which selects (owner, item) ordered by owner and position, with at most one
   * parameter, and groups the items by owner.
   */
  static Map<UUID, List<UUID>> read(JdbcOperations jdbc, String sql, Object parameter) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          if (parameter != null) {
            statement.setObject(1, parameter);
          }
          try (var rows = statement.executeQuery()) {
            var found = new HashMap<UUID, List<UUID>>();
            while (rows.next()) {
              found
                  .computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rows.getObject(2, UUID.class));
            }
            return found;
          }
        });
  }
}
