package org.clearpath.persistence.migration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every append-only table refuses TRUNCATE, which its row triggers alone would let through. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppendOnlyTablesTest implements TestPropertyProvider {
  static final List<String> APPEND_ONLY =
      List.of(
          "audit_entry",
          "office_audit_entry",
          "contact_entry",
          "evidence_file",
          "evidence_chunk",
          "budget",
          "budget_line",
          "plan_debt",
          "plan_payment",
          "plan_waiver",
          "case_review",
          "wellbeing_check",
          "access_entry");

  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  @Test
  void truncating_any_append_only_table_is_refused_with_the_app_s_own_login() throws SQLException {
    try (var connection =
        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
      for (var table : APPEND_ONLY) {
        try (var statement = connection.createStatement()) {
          assertThatThrownBy(() -> statement.execute("truncate " + table + " cascade"))
              .as(table)
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("append-only");
        }
      }
      // a table that is not append-only still can be emptied (the cascade reaches none of them)
      try (var statement = connection.createStatement()) {
        statement.execute("truncate team cascade");
      }
    }
  }
}
