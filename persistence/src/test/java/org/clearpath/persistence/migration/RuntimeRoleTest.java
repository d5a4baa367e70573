package org.clearpath.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.clearpath.persistence.DatabaseRoles;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Flyway migrates as the database's owner; the app's runtime login can change the append-only
 * tables in no way but adding rows, and can alter no table at all. Each is tried as that login.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeRoleTest implements TestPropertyProvider {
  private final TestPostgres.Database database = TestPostgres.freshDatabaseWithRoles();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private Connection as(DatabaseRoles.Login login) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), login.user(), login.password());
  }

  private static void refused(Connection connection, String sql) {
    assertThatThrownBy(
            () -> {
              try (var statement = connection.createStatement()) {
                statement.execute(sql);
              }
            })
        .as(sql)
        .isInstanceOf(SQLException.class)
        .satisfies(
            e ->
                assertThat(((SQLException) e).getSQLState())
                    .as(sql + ": " + e.getMessage())
                    // insufficient_privilege (42501): refused by the grants, not by a trigger
                    .isEqualTo("42501"));
  }

  @Test
  void the_owner_migrated_and_owns_every_table() throws SQLException {
    try (var connection = as(database.roles().owner());
        var statement = connection.createStatement()) {
      try (var rows =
          statement.executeQuery(
              "select count(*) filter (where tableowner <> 'clearpath_owner'), count(*)"
                  + " from pg_tables where schemaname = 'public'")) {
        rows.next();
        assertThat(rows.getLong(1)).isZero();
        assertThat(rows.getLong(2)).isGreaterThan(AppendOnlyTablesTest.APPEND_ONLY.size());
      }
      try (var rows =
          statement.executeQuery(
              "select count(*) filter (where installed_by <> 'clearpath_owner'), count(*)"
                  + " from flyway_schema_history")) {
        rows.next();
        assertThat(rows.getLong(1)).isZero();
        assertThat(rows.getLong(2)).isPositive();
      }
    }
  }

  /** A column of {@code table}, to write an UPDATE the planner accepts before the grants judge. */
  private static String aColumnOf(Connection connection, String table) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "select column_name from information_schema.columns where table_schema = 'public'"
                + " and table_name = ? and is_identity = 'NO' and is_generated = 'NEVER'"
                + " order by ordinal_position limit 1")) {
      statement.setString(1, table);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  @Test
  void the_runtime_login_cannot_update_delete_truncate_or_alter_an_append_only_table()
      throws SQLException {
    try (var connection = as(database.roles().runtime())) {
      for (var table : AppendOnlyTablesTest.APPEND_ONLY) {
        var column = aColumnOf(connection, table);
        refused(connection, "update " + table + " set " + column + " = " + column);
        if (!table.equals("evidence_chunk")) {
          refused(connection, "delete from " + table);
        }
        // (the evidence's bytes may go, but only a case's that is erased: its trigger refuses
        // the rest, ErasedCasesTest)
        refused(connection, "truncate " + table);
        refused(connection, "alter table " + table + " disable trigger all");
        refused(connection, "drop trigger " + table + "_no_truncate on " + table);
        refused(connection, "drop table " + table);
        // reading it is what the app does
        try (var statement = connection.createStatement()) {
          statement.executeQuery("select count(*) from " + table).close();
        }
      }
      refused(connection, "select * from flyway_schema_history");
      refused(connection, "create table scratch (id int)");
    }
  }

  @Test
  void the_runtime_login_adds_to_the_audit_and_works_the_other_tables() throws SQLException {
    var team = UUID.randomUUID();
    try (var connection = as(database.roles().runtime());
        var statement = connection.createStatement()) {
      statement.execute(
          "insert into office_audit_entry (actor_id, actor_name, action, details, at)"
              + " values ('u1', 'wang', 'test.done', '{}'::jsonb, now())");
      statement.execute("insert into team (id, name, version) values ('" + team + "', '东区', 0)");
      statement.execute("update team set name = '西区' where id = '" + team + "'");
      statement.execute("delete from team where id = '" + team + "'");
      refused(connection, "alter table team add column extra int");
      refused(connection, "truncate team");
      try (var rows =
          statement.executeQuery(
              "select count(*) from office_audit_entry where action = 'test.done'")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void an_install_from_before_the_split_is_handed_to_the_owner() throws SQLException {
    // everything the superuser's, as the local stack kept it before
    var older = TestPostgres.freshDatabase();
    org.flywaydb.core.Flyway.configure()
        .dataSource(older.jdbcUrl(), older.username(), older.password())
        .load()
        .migrate();
    var name = older.jdbcUrl().substring(older.jdbcUrl().lastIndexOf('/') + 1);
    var roles = database.roles();
    try (var superuser =
        DriverManager.getConnection(older.jdbcUrl(), older.username(), older.password())) {
      DatabaseRoles.prepare(superuser, name, roles.owner(), roles.runtime());
      try (var statement = superuser.createStatement();
          var rows =
              statement.executeQuery(
                  "select (select count(*) from pg_tables where schemaname = 'public'"
                      + " and tableowner <> 'clearpath_owner'),"
                      + " (select count(*) from pg_proc p join pg_namespace n"
                      + " on n.oid = p.pronamespace where n.nspname = 'public'"
                      + " and pg_get_userbyid(p.proowner) <> 'clearpath_owner'),"
                      + " (select pg_get_userbyid(datdba) from pg_database"
                      + " where datname = current_database())")) {
        rows.next();
        assertThat(rows.getLong(1)).as("tables not the owner's").isZero();
        assertThat(rows.getLong(2)).as("routines not the owner's").isZero();
        assertThat(rows.getString(3)).isEqualTo("clearpath_owner");
      }
    }
    // the owner's next migration grants the runtime login its part
    org.flywaydb.core.Flyway.configure()
        .dataSource(older.jdbcUrl(), roles.owner().user(), roles.owner().password())
        .load()
        .migrate();
    try (var connection =
            DriverManager.getConnection(
                older.jdbcUrl(), roles.runtime().user(), roles.runtime().password());
        var statement = connection.createStatement()) {
      statement.execute(
          "insert into office_audit_entry (actor_id, actor_name, action, details, at)"
              + " values ('u1', 'wang', 'test.done', '{}'::jsonb, now())");
      refused(connection, "delete from office_audit_entry");
    }
  }
}
