package org.clearpath.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
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
    var jars = AppProcess.jars();
    var cache = Files.createTempDirectory("clearpath-aot").resolve("app.aot");
    try (var stack = E2eStack.start()) {
      var plain = new ArrayList<Start>();
      for (int i = 0; i < RUNS; i++) {
        plain.add(start(stack, List.of()));
      }
      start(stack, List.of("-XX:AOTCacheOutput=" + cache));
      assertThat(cache).exists();
      var cached = new ArrayList<Start>();
      for (int i = 0; i < RUNS; i++) {
        cached.add(start(stack, List.of("-XX:AOTCache=" + cache)));
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

  private Start start(E2eStack stack, List<String> extra) throws Exception {
    var app = AppProcess.start(stack, extra);
    app.close();
    var matcher = STARTED.matcher(Files.readString(app.log));
    assertThat(matcher.find()).as(Files.readString(app.log)).isTrue();
    return new Start(Long.parseLong(matcher.group(1)), app.startedInMillis);
  }
}
