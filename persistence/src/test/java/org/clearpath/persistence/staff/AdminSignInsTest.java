package org.clearpath.persistence.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An admin's sign-in grant, kept sealed in PostgreSQL until its sign-in ends. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminSignInsTest implements TestPropertyProvider {
  private static final String GRANT = "eyJhbGciOiJIUzI1NiJ9.refresh-token-of-zhao.signature";
  @Inject JdbcAdminSignIns signIns;
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  @Test
  void a_grant_is_read_back_only_for_its_sign_in_and_admin_until_it_ends_and_is_never_plain()
      throws Exception {
    var zhao = new UserId("6f1d0c1e-0000-4000-8000-000000000001");
    var qian = new UserId("6f1d0c1e-0000-4000-8000-000000000002");
    var now = Instant.now();
    signIns.keep("sid-1", zhao, GRANT, now.plus(Duration.ofHours(8)));

    assertThat(signIns.grant("sid-1", zhao, now)).contains(GRANT);
    // another admin naming zhao's sign-in gets nothing, nor does another sign-in
    assertThat(signIns.grant("sid-1", qian, now)).isEmpty();
    assertThat(signIns.grant("sid-2", zhao, now)).isEmpty();
    // after its end, nothing
    assertThat(signIns.grant("sid-1", zhao, now.plus(Duration.ofHours(9)))).isEmpty();

    try (var connection =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        var statement = connection.createStatement()) {
      try (var rows = statement.executeQuery("select sealed from admin_sign_in")) {
        assertThat(rows.next()).isTrue();
        var sealed = rows.getBytes(1);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("refresh");
      }
      // a row moved to another admin does not open (the seal is bound to sign-in and admin)
      statement.executeUpdate("update admin_sign_in set admin_id = '" + qian.value() + "'");
      assertThat(signIns.grant("sid-1", qian, now)).isEmpty();
      statement.executeUpdate("update admin_sign_in set admin_id = '" + zhao.value() + "'");
    }
    assertThat(signIns.grant("sid-1", zhao, now)).contains(GRANT);

    // a sign-in kept again holds the newer grant; one that ended goes when the next is kept
    signIns.keep("sid-1", zhao, GRANT + "-2", now.plus(Duration.ofHours(8)));
    assertThat(signIns.grant("sid-1", zhao, now)).contains(GRANT + "-2");
    signIns.keep("sid-old", qian, GRANT, now.minus(Duration.ofMinutes(1)));
    signIns.keep("sid-3", qian, GRANT, now.plus(Duration.ofHours(1)));
    try (var connection =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        var statement = connection.createStatement();
        var rows = statement.executeQuery("select sign_in from admin_sign_in order by sign_in")) {
      var left = new java.util.ArrayList<String>();
      while (rows.next()) {
        left.add(rows.getString(1));
      }
      assertThat(left).containsExactly("sid-1", "sid-3");
    }

    // logout: gone
    signIns.forget("sid-1");
    assertThat(signIns.grant("sid-1", zhao, now)).isEmpty();
    assertThat(signIns.grant("sid-3", qian, now)).contains(GRANT);
  }
}
