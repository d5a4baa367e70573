package org.clearpath.deploy;

import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole stack on this machine: PostgreSQL 17 (embedded, or {@code CLEARPATH_DB_URL}), Keycloak
 * 26 with the dev realm and demo users, and the app with demo data. Ctrl-C stops it all.
 *
 * <p>Ports: app {@code CLEARPATH_PORT} (8080), Keycloak {@code CLEARPATH_KEYCLOAK_PORT} (8180),
 * embedded PostgreSQL {@code CLEARPATH_PG_PORT} (54329). Data of the embedded database stays in
 * {@code .local/postgres}; Keycloak starts from the realm file every time.
 */
public final class LocalStack {
  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    var root = Path.of(System.getProperty("clearpath.root", ".")).toAbsolutePath().normalize();
    var appPort = intEnv("CLEARPATH_PORT", 8080);
    var keycloakPort = intEnv("CLEARPATH_KEYCLOAK_PORT", 8180);
    var pgPort = intEnv("CLEARPATH_PG_PORT", 54329);
    requireFree(appPort, "CLEARPATH_PORT");
    requireFree(keycloakPort, "CLEARPATH_KEYCLOAK_PORT");
    var appUrl = "http://localhost:" + appPort;
    var work = root.resolve(".local");
    Files.createDirectories(work);

    say("Starting PostgreSQL…");
    var database = database(work, pgPort);
    KeycloakServer keycloak = null;
    try {
      keycloak = startKeycloakAndApp(root, work, appUrl, appPort, keycloakPort, database, args);
    } catch (Exception | Error e) {
      // whatever did start must not outlive a failed start
      if (keycloak != null) {
        keycloak.close();
      }
      database.close();
      throw e;
    }
  }

  private static KeycloakServer startKeycloakAndApp(
      Path root,
      Path work,
      String appUrl,
      int appPort,
      int keycloakPort,
      Database database,
      String[] args)
      throws InterruptedException {
    say("Starting Keycloak 26 (about 20–60 s)…");
    var keycloakHome =
        Path.of(
            System.getProperty(
                "keycloak.home", root.resolve("deploy/target/keycloak-26.7.3").toString()));
    var realm = RealmFiles.devRealm(root.resolve("deploy/keycloak"), appUrl);
    var keycloak =
        KeycloakServer.start(
            keycloakHome, keycloakPort, realm, work.resolve("keycloak"), Duration.ofMinutes(10));
    ApplicationContext app;
    try {
      app =
          ClearpathApp.start(
              appUrl, appPort, keycloak.url(), realm, database.properties, true, args);
    } catch (RuntimeException e) {
      keycloak.close();
      throw e;
    }
    printBanner(appUrl, keycloak);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // Micronaut's own shutdown hook stops the app; closing it here as well would
                  // deadlock with that hook, so wait for it, then stop what the app stood on
                  awaitStopped(app);
                  keycloak.close();
                  database.close();
                  stopped.countDown();
                }));
    stopped.await();
    return keycloak;
  }

  private static void awaitStopped(ApplicationContext app) {
    var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (app.isRunning() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void printBanner(String appUrl, KeycloakServer keycloak) {
    System.out.println(
        """

        ================================================================
         Clearpath is running:  %s

         Demo logins (username / password):
           counselor   counselor.wang  / Counselor-demo-1
           counselor   counselor.li    / Counselor-demo-2
           supervisor  supervisor.zhao / Supervisor-demo-1
           client      client.chen     / Client-demo-1
           client      client.liu      / Client-demo-2

         Keycloak admin console: %s/admin  (admin / %s)
         API document: %s/openapi/clearpath-0.1.yml    Health: %s/health
         Logs: Keycloak in .local/keycloak/keycloak.log
         Press Ctrl-C to stop everything.
        ================================================================
        """
            .formatted(appUrl, keycloak.url(), keycloak.adminPassword(), appUrl, appUrl));
  }

  private record Database(Map<String, Object> properties, AutoCloseable server) {
    void close() {
      try {
        if (server != null) {
          server.close();
        }
      } catch (Exception e) {
        // stopping anyway
      }
    }
  }

  private static Database database(Path work, int port) throws IOException, SQLException {
    var url = System.getenv("CLEARPATH_DB_URL");
    if (url != null && !url.isBlank()) {
      say("  using " + url);
      return new Database(
          Map.of(
              "datasources.default.url", url,
              "datasources.default.username", env("CLEARPATH_DB_USER", "clearpath"),
              "datasources.default.password", env("CLEARPATH_DB_PASSWORD", "clearpath")),
          null);
    }
    var postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(work.resolve("postgres"))
            .setCleanDataDirectory(false)
            .start();
    try (var connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
        var statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("select 1 from pg_database where datname = 'clearpath'").next();
      if (!exists) {
        statement.execute("create database clearpath");
      }
    }
    return new Database(
        Map.of(
            "datasources.default.url", postgres.getJdbcUrl("postgres", "clearpath"),
            "datasources.default.username", "postgres",
            "datasources.default.password", "postgres"),
        postgres);
  }

  private static void requireFree(int port, String variable) {
    if (!FreePort.isFree(port)) {
      throw new IllegalStateException(
          "port " + port + " is in use; stop what uses it or set " + variable + " to another port");
    }
  }

  private static int intEnv(String name, int fallback) {
    return Integer.parseInt(env(name, Integer.toString(fallback)));
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void say(String line) {
    System.out.println("[local-stack] " + line);
  }
}
