package org.clearpath.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the launcher needs to know about processes on this (Linux) machine, read from {@code /proc}:
 * whether a recorded process is still the one we started, which processes work in a directory, and
 * who listens on a port.
 */
final class Processes {
  private static final Path PROC = Path.of("/proc");

  private Processes() {}

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The command line, arguments separated by spaces; empty when the process is gone. */
  static Optional<String> commandLine(long pid) {
    try {
      var bytes = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          bytes[i] = ' ';
        }
      }
      return Optional.of(new String(bytes, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Processes whose working directory is {@code dir}: PostgreSQL's server processes sit there. */
  static List<Long> workingIn(Path dir) {
    Path target;
    try {
      target = dir.toRealPath();
    } catch (IOException e) {
      return List.of();
    }
    var found = new ArrayList<Long>();
    for (var pid : allPids()) {
      try {
        if (Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("cwd"))
            .equals(target)) {
          found.add(pid);
        }
      } catch (IOException | UnsupportedOperationException e) {
        // gone, or not ours to look at
      }
    }
    return found;
  }

  /** The process listening on a TCP port, if this machine tells. */
  static Optional<Long> listeningOn(int port) {
    var inodes = new HashSet<String>();
    for (var table : List.of("net/tcp", "net/tcp6")) {
      try {
        for (var line : Files.readAllLines(PROC.resolve(table)).stream().skip(1).toList()) {
          var fields = line.strip().split("\\s+");
          if (fields.length > 9 && "0A".equals(fields[3])) {
            var local = fields[1];
            var hexPort = local.substring(local.lastIndexOf(':') + 1);
            if (Integer.parseInt(hexPort, 16) == port) {
              inodes.add(fields[9]);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // no such table here
      }
    }
    if (inodes.isEmpty()) {
      return Optional.empty();
    }
    for (var pid : allPids()) {
      if (holdsSocket(pid, inodes)) {
        return Optional.of(pid);
      }
    }
    return Optional.empty();
  }

  private static boolean holdsSocket(long pid, Set<String> inodes) {
    try (Stream<Path> fds = Files.list(PROC.resolve(Long.toString(pid)).resolve("fd"))) {
      return fds.anyMatch(
          fd -> {
            try {
              var link = Files.readSymbolicLink(fd).toString();
              return link.startsWith("socket:[")
                  && inodes.contains(link.substring(8, link.length() - 1));
            } catch (IOException e) {
              return false;
            }
          });
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** "pid 123 (java -cp …)", short enough for one line. */
  static String describe(long pid) {
    var command = commandLine(pid).orElse("?");
    if (command.length() > 100) {
      command = command.substring(0, 97) + "...";
    }
    return "pid " + pid + " (" + command + ")";
  }

  /** SIGTERM, then SIGKILL after {@code grace}; returns when the process is gone. */
  static void stop(long pid, Duration grace) {
    var handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return;
    }
    handle.get().destroy();
    if (!awaitGone(pid, grace)) {
      handle.get().destroyForcibly();
      awaitGone(pid, Duration.ofSeconds(10));
    }
  }

  /** Sends a signal by name (INT, TERM, KILL…). */
  static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal.toUpperCase(Locale.ROOT), Long.toString(pid))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static boolean awaitGone(long pid, Duration timeout) {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (alive(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep(100);
    }
    return true;
  }

  /** The pids written in a file, one per line; none when there is no file. */
  static List<Long> readPids(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(line -> line.matches("\\d+"))
          .map(Long::parseLong)
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  static void writePids(Path file, List<Long> pids) {
    try {
      Files.createDirectories(file.getParent());
      var lines = pids.stream().map(Object::toString).toList();
      var temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(temp, lines);
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Long> allPids() {
    try (Stream<Path> entries = Files.list(PROC)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
