package org.clearpath.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator: a number of users, each on its own thread, doing one operation
 * after another, without pause, for a fixed time after a warm-up. Every call is timed; a call that
 * answers wrongly or throws counts as an error. The figures are per operation, so one run can drive
 * a mix (reads and writes of several endpoints) and still say how each of them fared.
 */
final class LoadGenerator {
  private LoadGenerator() {}

  /** One thing a user does, how often among the others, and whether it went well. */
  record Operation(String name, int weight, Call call) {}

  @FunctionalInterface
  interface Call {
    /** Does it once; false or an exception is an error. */
    boolean once(ThreadLocalRandom random) throws Exception;
  }

  /** How an operation fared over the measured time. */
  record Figures(String name, long calls, long errors, double seconds, long[] sortedNanos) {
    double perSecond() {
      return calls / seconds;
    }

    double percentileMillis(double percentile) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      var index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }
  }

  /**
   * Runs the users' operations: {@code operationsOf} gives each user (by number) its operations, so
   * that a user can hold what is its own (a database connection).
   */
  static Map<String, Figures> run(
      int users, Duration warmUp, Duration measured, IntFunction<List<Operation>> operationsOf)
      throws InterruptedException {
    var recorders = new Recorder[users];
    var threads = new ArrayList<Thread>();
    var ready = new CountDownLatch(users);
    var start = new CountDownLatch(1);
    long[] window = new long[2];
    for (int user = 0; user < users; user++) {
      var operations = operationsOf.apply(user);
      var recorder = new Recorder(operations);
      recorders[user] = recorder;
      threads.add(
          Thread.ofPlatform()
              .name("load-" + user)
              .start(
                  () -> {
                    ready.countDown();
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      return;
                    }
                    recorder.loop(window[0], window[1]);
                  }));
    }
    ready.await();
    var now = System.nanoTime();
    window[0] = now + warmUp.toNanos();
    window[1] = window[0] + measured.toNanos();
    start.countDown();
    for (var thread : threads) {
      thread.join();
    }
    var seconds = measured.toNanos() / 1e9;
    var merged = new LinkedHashMap<String, Figures>();
    for (var name : recorders[0].names()) {
      var all =
          Arrays.stream(recorders)
              .flatMapToLong(recorder -> Arrays.stream(recorder.timings(name)))
              .sorted()
              .toArray();
      var errors = Arrays.stream(recorders).mapToLong(recorder -> recorder.errors(name)).sum();
      merged.put(name, new Figures(name, all.length, errors, seconds, all));
    }
    return merged;
  }

  /** One user's operations and what each of its calls took. */
  private static final class Recorder {
    private final List<Operation> operations;
    private final int totalWeight;
    private final long[][] nanos;
    private final int[] counts;
    private final long[] errors;

    Recorder(List<Operation> operations) {
      this.operations = operations;
      this.totalWeight = operations.stream().mapToInt(Operation::weight).sum();
      this.nanos = new long[operations.size()][1024];
      this.counts = new int[operations.size()];
      this.errors = new long[operations.size()];
    }

    List<String> names() {
      return operations.stream().map(Operation::name).toList();
    }

    long[] timings(String name) {
      var index = names().indexOf(name);
      return Arrays.copyOf(nanos[index], counts[index]);
    }

    long errors(String name) {
      return errors[names().indexOf(name)];
    }

    void loop(long measureFrom, long measureUntil) {
      var random = ThreadLocalRandom.current();
      while (true) {
        var index = pick(random);
        var started = System.nanoTime();
        if (started >= measureUntil) {
          return;
        }
        boolean ok;
        try {
          ok = operations.get(index).call().once(random);
        } catch (Exception e) {
          ok = false;
        }
        var took = System.nanoTime() - started;
        if (started < measureFrom) {
          continue;
        }
        if (!ok) {
          errors[index]++;
        }
        if (counts[index] == nanos[index].length) {
          nanos[index] = Arrays.copyOf(nanos[index], nanos[index].length * 2);
        }
        nanos[index][counts[index]++] = took;
      }
    }

    private int pick(ThreadLocalRandom random) {
      if (operations.size() == 1) {
        return 0;
      }
      var ticket = random.nextInt(totalWeight);
      for (int i = 0; i < operations.size(); i++) {
        ticket -= operations.get(i).weight();
        if (ticket < 0) {
          return i;
        }
      }
      return operations.size() - 1;
    }
  }
}
