package org.clearpath.deploy;

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

/**
 * For benchmarks: the app in a JVM of its own, as the launcher and the image run it ({@code
 * deploy/jvm.options}, the local stack's jars), as another instance on an {@link E2eStack}.
 */
final class AppProcess implements AutoCloseable {
  final Process process;
  final String url;
  final Path log;
  final long startedInMillis;

  private AppProcess(Process process, String url, Path log, long startedInMillis) {
    this.process = process;
    this.url = url;
    this.log = log;
    this.startedInMillis = startedInMillis;
  }

  /** The jars the local stack runs the app from. */
  static List<String> jars() throws java.io.IOException {
    return Arrays.stream(
            Files.readString(root().resolve("deploy/target/local-stack.classpath"))
                .strip()
                .split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .toList();
  }

  private static Path root() {
    return Path.of(System.getProperty("clearpath.root", ".."));
  }

  /** Starts it with these extra JVM options and returns once {@code /health} answers. */
  static AppProcess start(E2eStack stack, List<String> extra) throws Exception {
    var port = FreePort.find();
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + root().resolve("deploy/jvm.options"));
    command.addAll(extra);
    command.addAll(stack.systemProperties(port));
    command.add("-cp");
    command.add(String.join(File.pathSeparator, jars()));
    command.add("org.clearpath.api.Application");
    var log = Files.createTempFile("clearpath-app", ".log");
    var started = System.nanoTime();
    var builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // as deploy/local-stack.sh and the image run it
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    var process = builder.start();
    var url = "http://localhost:" + port;
    try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build()) {
      // a first start on data generated in plain columns seals them first (KeysAtStart)
      var deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the app died: " + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("the app did not answer in 2 minutes");
        }
        try {
          var response =
              http.send(
                  HttpRequest.newBuilder(URI.create(url + "/health"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() < 500) {
            return new AppProcess(process, url, log, (System.nanoTime() - started) / 1_000_000);
          }
        } catch (java.io.IOException e) {
          // not listening yet
        }
        Thread.sleep(20);
      }
    }
  }

  /** A field of {@code /proc/<pid>/status} in MB (VmRSS, VmHWM). */
  double statusMegabytes(String field) throws java.io.IOException {
    return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
            .filter(line -> line.startsWith(field + ":"))
            .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
            .findFirst()
            .orElseThrow()
        / 1024.0;
  }

  /** SIGTERM (a training run writes its AOT cache as the JVM exits), then waits. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the app did not stop in 60 s");
    }
  }
}
