package org.clearpath.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the app takes to start in a fresh JVM, as the launcher and the image start it ({@code
 * deploy/jvm.options}, the local stack's jars), against a migrated database and a running Keycloak:
 * without an AOT cache, then with one the JVM wrote on a training run ({@code -XX:AOTCacheOutput},
 * JDK 25). Prints Micronaut's "Startup completed" time and the time until {@code /health} answers.
 *
 * <pre>
 * ./mvnw -B -o verify -pl deploy -Dit.test=StartupBenchmarkIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dtest.excludedGroups=
 * </pre>
 */
@Tag("benchmark")
class StartupBenchmarkIT {
  private static final Pattern STARTED = Pattern.compile("Startup completed in (\\d+)ms");
  private static final int RUNS = Integer.getInteger("bench.runs", 3);

  private record Start(long micronautMs, long healthMs) {}

  @Test
  void the_app_starts_in_a_fresh_jvm() throws Exception {
    var root = Path.of(System.getProperty("clearpath.root", ".."));
    var jars =
        Arrays.stream(
                Files.readString(root.resolve("deploy/target/local-stack.classpath"))
                    .strip()
                    .split(File.pathSeparator))
            .filter(entry -> entry.endsWith(".jar"))
            .toList();
    var cache = Files.createTempDirectory("clearpath-aot").resolve("app.aot");
    try (var stack = E2eStack.start()) {
      var plain = new ArrayList<Start>();
      for (int i = 0; i < RUNS; i++) {
        plain.add(start(stack, jars, List.of()));
      }
      start(stack, jars, List.of("-XX:AOTCacheOutput=" + cache));
      assertThat(cache).exists();
      var cached = new ArrayList<Start>();
      for (int i = 0; i < RUNS; i++) {
        cached.add(start(stack, jars, List.of("-XX:AOTCache=" + cache)));
      }
      System.out.printf(
          "%napp start in a fresh JVM (%d jars, deploy/jvm.options), ms:%n"
              + "  no AOT cache:  Micronaut %s, /health answers %s%n"
              + "  AOT cache (%d MB): Micronaut %s, /health answers %s%n",
          jars.size(),
          plain.stream().map(s -> String.valueOf(s.micronautMs())).toList(),
          plain.stream().map(s -> String.valueOf(s.healthMs())).toList(),
          Files.size(cache) >> 20,
          cached.stream().map(s -> String.valueOf(s.micronautMs())).toList(),
          cached.stream().map(s -> String.valueOf(s.healthMs())).toList());
    }
  }

  private Start start(E2eStack stack, List<String> jars, List<String> extra) throws Exception {
    var port = FreePort.find();
    var javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var root = Path.of(System.getProperty("clearpath.root", ".."));
    var command = new ArrayList<String>();
    command.add(javaBin);
    command.add("@" + root.resolve("deploy/jvm.options"));
    command.addAll(extra);
    command.addAll(stack.systemProperties(port));
    command.add("-cp");
    command.add(String.join(File.pathSeparator, jars));
    command.add("org.clearpath.api.Application");
    var log = Files.createTempFile("clearpath-start", ".log");
    var started = System.nanoTime();
    var process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long health;
    try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build()) {
      var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (true) {
        assertThat(process.isAlive()).as("the app died: %s", Files.readString(log)).isTrue();
        assertThat(System.nanoTime())
            .as("the app did not answer in 2 minutes")
            .isLessThan(deadline);
        try {
          var response =
              http.send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() < 500) {
            health = (System.nanoTime() - started) / 1_000_000;
            break;
          }
        } catch (java.io.IOException e) {
          // not listening yet
        }
        Thread.sleep(20);
      }
    }
    process.destroy(); // SIGTERM: a training run writes its AOT cache as the JVM exits
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    var matcher = STARTED.matcher(Files.readString(log));
    assertThat(matcher.find()).as(Files.readString(log)).isTrue();
    return new Start(Long.parseLong(matcher.group(1)), health);
  }
}
