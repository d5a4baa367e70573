package org.clearpath.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.clearpath.persistence.DatabaseRoles;

/**
 * The embedded PostgreSQL 17 of the local stack, run durably: zonky starts the server with {@code
 * -F -c synchronous_commit=off}; the settings here come later on the command line and win, so an
 * answered commit is on disk ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes}).
 * Output goes to its own log file, which the server keeps writing even if the launcher dies.
 */
final class DurablePostgres implements AutoCloseable {
  static final String USER = "postgres";
  static final String PASSWORD = "postgres";
  private final EmbeddedPostgres server;
  private final Path dataDir;

  private DurablePostgres(EmbeddedPostgres server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /**
   * Starts the server; what an earlier run left behind must be stopped first ({@link
   * #stopLeftovers}).
   */
  static DurablePostgres start(Path dataDir, int port, Path logFile, List<String> databases) {
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(logFile.getParent());
      var log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
      var server =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("listen_addresses", "127.0.0.1")
              // recovery after a crash replays the WAL first: give it time
              .setPGStartupWait(Duration.ofMinutes(5))
              .setOutputRedirector(log)
              .setErrorRedirector(log)
              .start();
      var postgres = new DurablePostgres(server, dataDir);
      for (var name : databases) {
        postgres.ensureDatabase(name);
      }
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start; see " + logFile, e);
    }
  }

  /**
   * After a crash: the server processes that still work in this data directory belong to an earlier
   * run of this stack. The server is asked to stop fast; what is left is killed. PostgreSQL then
   * recovers from its write-ahead log when it starts.
   */
  static boolean stopLeftovers(Path dataDir) {
    var leftovers = Processes.workingIn(dataDir);
    if (leftovers.isEmpty()) {
      return false;
    }
    var postmaster = postmasterPid(dataDir);
    if (postmaster > 0 && leftovers.contains(postmaster)) {
      Processes.signal(postmaster, "INT");
      Processes.awaitGone(postmaster, Duration.ofSeconds(30));
    }
    for (var pid : Processes.workingIn(dataDir)) {
      Processes.signal(pid, "KILL");
      Processes.awaitGone(pid, Duration.ofSeconds(10));
    }
    return true;
  }

  private static long postmasterPid(Path dataDir) {
    try {
      var lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
      return lines.isEmpty() ? -1 : Long.parseLong(lines.getFirst().strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** The server process itself, or -1. */
  long postmasterPid() {
    return postmasterPid(dataDir);
  }

  boolean running() {
    var pid = postmasterPid();
    return pid > 0 && Processes.alive(pid);
  }

  int port() {
    return server.getPort();
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
  }

  java.sql.Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
  }

  private void ensureDatabase(String name) {
    try (var connection = connect("postgres");
        var statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + name + "'").next();
      if (!exists) {
        statement.execute("create database " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
  }

  /**
   * The app database's two logins (its owner, who migrates, and the app's runtime login), set up
   * again at every start: an install from before them is handed to the owner.
   */
  Map<String, String> withRoles(
      String database, DatabaseRoles.Login owner, DatabaseRoles.Login runtime) {
    try (var connection = connect(database)) {
      DatabaseRoles.prepare(connection, database, owner, runtime);
    } catch (SQLException e) {
      throw new IllegalStateException("could not set up the logins of database " + database, e);
    }
    return DatabaseRoles.micronautProperties(jdbcUrl(database), owner, runtime);
  }

  @Override
  public void close() {
    var pid = postmasterPid();
    try {
      server.close();
    } catch (IOException e) {
      // stopped below
    }
    if (pid > 0 && !Processes.awaitGone(pid, Duration.ofSeconds(60))) {
      Processes.signal(pid, "QUIT");
      Processes.awaitGone(pid, Duration.ofSeconds(10));
    }
  }
}
