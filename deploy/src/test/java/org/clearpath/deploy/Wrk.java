package org.clearpath.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load generator for HTTP: <a href="https://github.com/wg/wrk">wrk</a>, from Debian's packages
 * (installed here when missing and this runs as root). It is written in C on an event loop, so on 2
 * cores it leaves the cores to the app and PostgreSQL: the JDK's HTTP client, 50 threads of it,
 * took so much of them that the app measured at a quarter of its rate (the case page 912 against
 * 4,423 req/s on the same stack, same minute).
 *
 * <p>Each run is one wrk process with one thread and a number of connections, each of them a user
 * doing one request after another without pause (closed loop). A generated Lua script picks each
 * request from weighted templates, with a random value (a case, a search) put into its path. The
 * figures are wrk's own: requests, errors (socket errors, timeouts and statuses above 399) and its
 * latency percentiles.
 */
final class Wrk {
  private Wrk() {}

  /**
   * A request a user makes, how often among the others; {@code values} (may be empty) are put one
   * at random between {@code pathBefore} and {@code pathAfter}.
   */
  record Request(
      int weight,
      String method,
      String pathBefore,
      List<String> values,
      String pathAfter,
      String bearer,
      String jsonBody) {
    static Request get(int weight, String path, String bearer) {
      return new Request(weight, "GET", path, List.of(), "", bearer, null);
    }

    static Request get(
        int weight, String before, List<String> values, String after, String bearer) {
      return new Request(weight, "GET", before, values, after, bearer, null);
    }

    static Request post(
        int weight, String before, List<String> values, String after, String bearer, String json) {
      return new Request(weight, "POST", before, values, after, bearer, json);
    }
  }

  /** How one run fared: its calls per second, errors and latency percentiles. */
  record Figures(
      String name, long calls, long errors, double seconds, double p50, double p95, double p99) {
    double perSecond() {
      return calls / seconds;
    }
  }

  /** A wrk process under way. */
  static final class Running {
    private final String name;
    private final Process process;
    private final Path output;
    private final Duration duration;

    private Running(String name, Process process, Path output, Duration duration) {
      this.name = name;
      this.process = process;
      this.output = output;
      this.duration = duration;
    }

    /** Waits for it to end and reads its figures. */
    Figures await() throws IOException, InterruptedException {
      if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("wrk did not end: " + name);
      }
      var lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      var figures =
          lines.stream()
              .filter(line -> line.startsWith("WRK "))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "wrk gave no figures for " + name + ": " + String.join("\n", lines)));
      var f = figures.substring(4).strip().split(" ");
      return new Figures(
          name,
          Long.parseLong(f[0]),
          Long.parseLong(f[2]),
          Long.parseLong(f[1]) / 1e6,
          Double.parseDouble(f[3]) / 1e3,
          Double.parseDouble(f[4]) / 1e3,
          Double.parseDouble(f[5]) / 1e3);
    }
  }

  /** Runs {@code requests} against {@code base} with {@code users} connections, and waits. */
  static Figures run(String name, URI base, int users, Duration duration, List<Request> requests)
      throws IOException, InterruptedException {
    return start(name, base, users, duration, requests).await();
  }

  /** Starts a run and returns at once, so that several can run side by side (a mix). */
  static Running start(String name, URI base, int users, Duration duration, List<Request> requests)
      throws IOException {
    var script = Files.createTempFile("wrk-", ".lua");
    Files.writeString(script, script(base, requests), StandardCharsets.UTF_8);
    script.toFile().deleteOnExit();
    var output = Files.createTempFile("wrk-", ".out");
    output.toFile().deleteOnExit();
    var process =
        new ProcessBuilder(
                "wrk",
                "-t1",
                "-c" + users,
                "-d" + Math.max(1, duration.toSeconds()) + "s",
                "--timeout",
                "30s",
                "-s",
                script.toString(),
                base.toString(),
                "--",
                String.valueOf(System.nanoTime()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    return new Running(name, process, output, duration);
  }

  /** wrk on the path; installed from Debian's packages when missing and this runs as root. */
  static void ensureInstalled() throws IOException, InterruptedException {
    if (found()) {
      return;
    }
    var root = "0".equals(new String(exec("id", "-u")).strip());
    if (root && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      var env = "DEBIAN_FRONTEND=noninteractive";
      if (status("env", env, "apt-get", "install", "-y", "-q", "wrk") != 0) {
        status("apt-get", "update", "-q");
        status("env", env, "apt-get", "install", "-y", "-q", "wrk");
      }
    }
    if (!found()) {
      throw new IllegalStateException(
          "the load benchmark drives the app with wrk: install it (apt-get install wrk)");
    }
  }

  private static boolean found() throws InterruptedException {
    try {
      // wrk --version exits with 1: that it ran at all is what counts
      status("wrk", "--version");
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int status(String... command) throws IOException, InterruptedException {
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    return process.waitFor();
  }

  private static byte[] exec(String... command) throws IOException, InterruptedException {
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var out = process.getInputStream().readAllBytes();
    process.waitFor();
    return out;
  }

  /**
   * The Lua script: the templates and their values as tables, a weighted pick per request, and
   * wrk's figures printed as one line at the end (microseconds).
   */
  static String script(URI base, List<Request> requests) {
    var host = base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
    var lua = new StringBuilder();
    lua.append("local host = ").append(quoted(host)).append("\n");
    lua.append("local entries = {\n");
    // a list of values given to several requests (the cases) is written once
    var values = new ArrayList<List<String>>();
    var indexes = new java.util.IdentityHashMap<List<String>, Integer>();
    for (var request : requests) {
      var valuesIndex = "nil";
      if (!request.values().isEmpty()) {
        valuesIndex =
            String.valueOf(
                indexes.computeIfAbsent(
                    request.values(),
                    list -> {
                      values.add(list);
                      return values.size();
                    }));
      }
      lua.append("  {")
          .append(request.weight())
          .append(", ")
          .append(quoted(request.method()))
          .append(", ")
          .append(quoted(request.pathBefore()))
          .append(", ")
          .append(valuesIndex)
          .append(", ")
          .append(quoted(request.pathAfter()))
          .append(", ")
          .append(quoted("Authorization: Bearer " + request.bearer() + "\r\n"))
          .append(", ")
          .append(request.jsonBody() == null ? "nil" : quoted(request.jsonBody()))
          .append("},\n");
    }
    lua.append("}\nlocal values = {\n");
    for (var list : values) {
      lua.append("  {");
      for (var value : list) {
        lua.append(quoted(value)).append(",");
      }
      lua.append("},\n");
    }
    lua.append(
        """
        }
        local total = 0
        for _, e in ipairs(entries) do total = total + e[1] end

        init = function(args)
          math.randomseed(tonumber(args[1]) % 2147483647)
        end

        request = function()
          local ticket = math.random(total)
          local e = entries[#entries]
          for _, candidate in ipairs(entries) do
            ticket = ticket - candidate[1]
            if ticket <= 0 then e = candidate break end
          end
          local path = e[3]
          if e[4] then
            local vs = values[e[4]]
            path = path .. vs[math.random(#vs)] .. e[5]
          end
          local head = e[2] .. " " .. path .. " HTTP/1.1\\r\\nHost: " .. host .. "\\r\\n" .. e[6]
          if e[7] then
            return head .. "Content-Type: application/json\\r\\nContent-Length: " .. #e[7]
              .. "\\r\\n\\r\\n" .. e[7]
          end
          return head .. "\\r\\n"
        end

        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("WRK %d %d %d %.0f %.0f %.0f\\n", summary.requests,
            summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
            latency:percentile(50), latency:percentile(95), latency:percentile(99)))
        end
        """);
    return lua.toString();
  }

  private static String quoted(String text) {
    var out = new StringBuilder("\"");
    for (var c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
