package org.clearpath.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearpath.persistence.DatabaseRoles;

/**
 * The one way tests get a real PostgreSQL 17: a Testcontainers container when a Docker engine
 * answers, otherwise an embedded PostgreSQL binary from Maven Central. One server per test JVM;
 * every call of {@link #freshDatabase()} creates a new, empty database on it, so test classes never
 * see each other's data. {@code CLEARPATH_TEST_DB=embedded|docker} forces a choice.
 */
public final class TestPostgres {

  /**
   * Where a fresh database is, and the Micronaut properties that point the app at it. {@code
   * username} is the server's superuser, for what tests do straight in SQL; with {@code roles} the
   * app connects as the runtime login and Flyway migrates as the owner, as in the local stack.
   */
  public record Database(
      String jdbcUrl,
      String username,
      String password,
      @io.micronaut.core.annotation.Nullable Roles roles) {
    /** The database's owner and the app's runtime login ({@link DatabaseRoles}). */
    public record Roles(DatabaseRoles.Login owner, DatabaseRoles.Login runtime) {}

    public Database(String jdbcUrl, String username, String password) {
      this(jdbcUrl, username, password, null);
    }

    /** The app's properties for this database, with the tests' master key ({@link #MASTER_KEY}). */
    public Map<String, String> micronautProperties() {
      if (roles == null) {
        return Map.of(
            "datasources.default.url", jdbcUrl,
            "datasources.default.username", username,
            "datasources.default.password", password,
            "datasources.default.driver-class-name", "org.postgresql.Driver",
            "flyway.datasources.default.enabled", "true",
            "clearpath.crypto.master-key", MASTER_KEY);
      }
      var properties =
          new java.util.HashMap<>(
              DatabaseRoles.micronautProperties(jdbcUrl, roles.owner(), roles.runtime()));
      properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
      properties.put("clearpath.crypto.master-key", MASTER_KEY);
      return Map.copyOf(properties);
    }

    /** Runs SQL straight on the database, past the application: what a careless admin could try. */
    public int execute(String sql) throws java.sql.SQLException {
      try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, username, password);
          var statement = connection.createStatement()) {
        return statement.executeUpdate(sql);
      }
    }

    /** The first column of every row a query answers, as text, read straight from the database. */
    public java.util.List<String> strings(String sql) throws java.sql.SQLException {
      try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, username, password);
          var statement = connection.createStatement();
          var rows = statement.executeQuery(sql)) {
        var found = new java.util.ArrayList<String>();
        while (rows.next()) {
          found.add(rows.getString(1));
        }
        return found;
      }
    }

    /** The single number a query answers, read straight from the database. */
    public long count(String sql) throws java.sql.SQLException {
      try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, username, password);
          var statement = connection.createStatement();
          var rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private interface Server {
    String jdbcUrl(String database);

    String username();

    String password();
  }

  /** The master key the tests' data keys are wrapped under: never one of an install. */
  public static final String MASTER_KEY = "test-only-master-key-0123456789abcdef";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static Server server;

  private TestPostgres() {}

  public static synchronized Database freshDatabase() {
    if (server == null) {
      server = start();
    }
    var name = "clearpath_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (var connection =
            DriverManager.getConnection(
                server.jdbcUrl("postgres"), server.username(), server.password());
        var statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return new Database(server.jdbcUrl(name), server.username(), server.password());
  }

  /**
   * A fresh database owned by {@code clearpath_owner}, which the app reaches as {@code
   * clearpath_app} (a member of {@value DatabaseRoles#RUNTIME_GROUP}), as the local stack sets it
   * up.
   */
  public static synchronized Database freshDatabaseWithRoles() {
    var database = freshDatabase();
    var roles =
        new Database.Roles(
            new DatabaseRoles.Login("clearpath_owner", "owner-" + ProcessHandle.current().pid()),
            new DatabaseRoles.Login("clearpath_app", "app-" + ProcessHandle.current().pid()));
    var name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
    try (var connection =
        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
      DatabaseRoles.prepare(connection, name, roles.owner(), roles.runtime());
    } catch (SQLException e) {
      throw new IllegalStateException("could not set up the roles of " + name, e);
    }
    return new Database(database.jdbcUrl(), database.username(), database.password(), roles);
  }

  private static Server start() {
    var choice = System.getenv().getOrDefault("CLEARPATH_TEST_DB", "auto").toLowerCase(Locale.ROOT);
    boolean docker =
        switch (choice) {
          case "docker" -> true;
          case "embedded" -> false;
          default -> dockerAnswers();
        };
    return docker ? Container.start() : Embedded.start();
  }

  private static boolean dockerAnswers() {
    if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
      return false;
    }
    try {
      return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static final class Embedded implements Server {
    private final EmbeddedPostgres postgres;

    private Embedded(EmbeddedPostgres postgres) {
      this.postgres = postgres;
    }

    static Server start() {
      try {
        var postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
        return new Embedded(postgres);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("could not start embedded PostgreSQL", e);
      }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
      try {
        postgres.close();
      } catch (java.io.IOException ignored) {
        // the JVM is ending; the OS reclaims the rest
      }
    }

    @Override
    public String jdbcUrl(String database) {
      // without zonky's ?user=postgres: the login is always given beside the URL
      return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String username() {
      return "postgres";
    }

    @Override
    public String password() {
      return "postgres";
    }
  }

  private static final class Container implements Server {
    private final org.testcontainers.containers.PostgreSQLContainer<?> container;

    private Container(org.testcontainers.containers.PostgreSQLContainer<?> container) {
      this.container = container;
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
    static Server start() {
      var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:17");
      container.start();
      return new Container(container);
    }

    @Override
    public String jdbcUrl(String database) {
      return "jdbc:postgresql://%s:%d/%s"
          .formatted(container.getHost(), container.getFirstMappedPort(), database);
    }

    @Override
    public String username() {
      return container.getUsername();
    }

    @Override
    public String password() {
      return container.getPassword();
    }
  }
}
