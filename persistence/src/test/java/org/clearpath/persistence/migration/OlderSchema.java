package org.clearpath.persistence.migration;

import org.clearpath.persistence.testing.TestPostgres;
import org.flywaydb.core.Flyway;

/**
 * For migration tests: a fresh database at an older version, with one case in it, then the rest.
 */
final class OlderSchema {
  private OlderSchema() {}

  /**
   * A fresh database migrated up to {@code version}, holding 陈小明's case ({@code
   * 00000000-…-000000000001}).
   */
  static TestPostgres.Database at(String version) throws Exception {
    var db = TestPostgres.freshDatabase();
    Flyway.configure()
        .dataSource(db.jdbcUrl(), db.username(), db.password())
        .target(version)
        .load()
        .migrate();
    db.execute(
        "insert into case_file (id, client_name, counselor_id, counselor_name, status, opened_at)"
            + " values ('00000000-0000-0000-0000-000000000001', '陈小明', 'u1', 'counselor.wang',"
            + " 'OPEN', now())");
    return db;
  }

  /** Every later migration. */
  static void migrateTheRest(TestPostgres.Database db) {
    Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).load().migrate();
  }
}
