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
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A Keycloak 26 process from the distribution that Maven unpacks ({@code keycloak-quarkus-dist}
 * from Maven Central), in dev mode on loopback with an in-memory database, importing the given
 * realm. Logs go to {@code keycloak.log} in the given work directory.
 */
public final class KeycloakServer implements AutoCloseable {
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

  /** Starts Keycloak and waits until the realm answers (or the timeout passes). */
  public static KeycloakServer start(
      Path home, int port, ObjectNode realm, Path workDir, Duration timeout) {
    if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          "Keycloak is not unpacked at " + home + ": run ./mvnw -pl deploy -am package first");
    }
    try {
      Files.createDirectories(workDir);
      // --import-realm reads <home>/data/import; the in-memory database starts empty each time,
      // so the realm written here is exactly the realm the server has
      var importDir = home.resolve("data/import");
      deleteRecursively(importDir);
      RealmFiles.write(realm, importDir.resolve(RealmFiles.REALM + "-realm.json"));
      var logFile = workDir.resolve("keycloak.log");
      var adminPassword = "Admin-" + UUID.randomUUID();
      var command = new ArrayList<String>();
      command.add("bash");
      command.add(home.resolve("bin/kc.sh").toString());
      command.add("start-dev");
      command.add("--import-realm");
      command.add("--db=dev-mem");
      command.add("--http-host=127.0.0.1");
      command.add("--http-port=" + port);
      command.add("--http-management-port=" + FreePort.find());
      command.add("--hostname-strict=false");
      command.add("--cache=local");
      var builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile())
              .directory(home.toFile());
      var env = builder.environment();
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
      env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
      var server =
          new KeycloakServer(builder.start(), "http://localhost:" + port, adminPassword, logFile);
      server.awaitRealm(timeout);
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

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
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
