package org.clearpath.persistence.harassment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.util.List;
import java.util.UUID;

/**
 * Link tables that keep an owner's ids in order ({@code owner, item, position}): flags' entries and
 * files, complaints' flags. They are read back as arrays in their owner's row.
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
    var rows = new java.util.ArrayList<Object[]>();
    for (int p = 0; p < ids.size(); p++) {
      rows.add(new Object[] {owner, ids.get(p), p});
    }
    org.clearpath.persistence.Sql.batch(
        jdbc.getConnection(),
        "insert into "
            + table
            + " ("
            + ownerColumn
            + ", "
            + itemColumn
            + ", position) values (?, ?, ?)",
        rows);
  }
}
