package org.clearpath.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Keycloak 26 process from the distribution that Maven unpacks ({@code keycloak-quarkus-dist}
 * from Maven Central), on loopback, keeping its data in PostgreSQL. The realm file is imported on
 * the first start only: Keycloak skips a realm that its database has already, so later starts keep
 * whatever an administrator changed. Logs go to the given file.
 */
public final class KeycloakServer implements AutoCloseable {
  /** Where Keycloak keeps its data. */
  public record Database(String jdbcUrl, String username, String password) {}

  private final Process process;
  private final String url;
  private final String adminPassword;
  private final Path logFile;

  private KeycloakServer(Process process, String url, String adminPassword, Path logFile) {
    this.process = process;
    this.url = url;
    this.adminPassword = adminPassword;
    this.logFile = logFile;
  }

  /**
   * Starts Keycloak and waits until the realm answers (or the timeout passes). {@code
   * adminPassword} becomes the bootstrap administrator's password when the database has no
   * administrator yet (the first start).
   */
  public static KeycloakServer start(
      Path home,
      int port,
      ObjectNode realm,
      Database database,
      String adminPassword,
      Path logFile,
      Duration timeout) {
    if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          "Keycloak is not unpacked at " + home + ": run ./mvnw -pl deploy -am package first");
    }
    try {
      Files.createDirectories(logFile.getParent());
      // --import-realm reads <home>/data/import and skips a realm the database already has
      var importDir = home.resolve("data/import");
      deleteRecursively(importDir);
      RealmFiles.write(realm, importDir.resolve(RealmFiles.REALM + "-realm.json"));
      var command = new ArrayList<String>();
      // its own session: a Ctrl-C in the terminal reaches the launcher, which stops Keycloak
      // in order, instead of reaching every process at once
      if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
        command.add("/usr/bin/setsid");
      }
      command.add("bash");
      command.add(home.resolve("bin/kc.sh").toString());
      command.add("start-dev");
      command.add("--import-realm");
      command.add("--db=postgres");
      command.add("--db-url=" + database.jdbcUrl());
      command.add("--db-username=" + database.username());
      command.add("--db-password=" + database.password());
      command.add("--http-host=127.0.0.1");
      command.add("--http-port=" + port);
      command.add("--http-management-port=" + FreePort.find());
      command.add("--hostname-strict=false");
      command.add("--cache=local");
      var builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .directory(home.toFile());
      var env = builder.environment();
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
      env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
      var server =
          new KeycloakServer(builder.start(), "http://localhost:" + port, adminPassword, logFile);
      try {
        server.awaitRealm(timeout);
      } finally {
        deleteRecursively(importDir); // it holds the client secrets
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitRealm(Duration timeout) {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var discovery =
        HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(5))
            .build();
    var deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with " + process.exitValue() + "; see " + logFile);
      }
      try {
        if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
      sleep(Duration.ofMillis(500));
    }
    close();
    throw new IllegalStateException(
        "Keycloak did not start within " + timeout + "; see " + logFile);
  }

  public String url() {
    return url;
  }

  public String issuer() {
    return url + "/realms/" + RealmFiles.REALM;
  }

  public String adminUsername() {
    return "admin";
  }

  public String adminPassword() {
    return adminPassword;
  }

  public Path logFile() {
    return logFile;
  }

  /** The process and its descendants (the script and the JVM it runs). */
  public List<Long> pids() {
    var pids = new ArrayList<Long>();
    pids.add(process.pid());
    process.descendants().forEach(p -> pids.add(p.pid()));
    return pids;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops a Keycloak that an earlier run of the launcher started and left behind, by the pids it
   * recorded, each checked to still be a Keycloak from {@code home}.
   */
  static boolean stopLeftovers(Path pidFile, Path home) {
    var stopped = false;
    for (var pid : Processes.readPids(pidFile)) {
      var command = Processes.commandLine(pid).orElse("");
      if (command.contains(home.toString())) {
        Processes.stop(pid, Duration.ofSeconds(20));
        stopped = true;
      }
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      // written again on the next start
    }
    return stopped;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
