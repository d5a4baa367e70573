package org.clearpath.domain.harassment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.ContactDetails;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Detection over 2,000,000 contact-log entries: 20,000 cases with 100 entries each over 60 days
 * (the way the app runs it, one case at a time, corrections applied), and the same entries as one
 * list. Prints figures; run on request:
 *
 * <pre>./mvnw -pl domain test -Dtest=HarassmentDetectionBenchmark -Dtest.excludedGroups=</pre>
 */
@Tag("benchmark")
class HarassmentDetectionBenchmark {
  private static final int CASES = 20_000;
  private static final int PER_CASE = 100;
  private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Channel[] CHANNELS = Channel.values();
  private static final Party[] PARTIES = Party.values();
  private static final UserId COUNSELOR = new UserId("bench");

  private static List<List<ContactEntry>> logs() {
    var random = new Random(42);
    var logs = new ArrayList<List<ContactEntry>>(CASES);
    for (int c = 0; c < CASES; c++) {
      var caseId = CaseId.random();
      var debts = new DebtId[] {DebtId.random(), DebtId.random()};
      var log = new ArrayList<ContactEntry>(PER_CASE);
      for (int i = 0; i < PER_CASE; i++) {
        var at = START.plusSeconds(random.nextLong(60L * 24 * 3600));
        var phone = random.nextInt(10) < 7;
        var details =
            new ContactDetails(
                at,
                SHANGHAI,
                null,
                debts[random.nextInt(2)],
                "agency",
                "collector",
                "95000",
                random.nextInt(10) < 8 ? Direction.INBOUND : Direction.OUTBOUND,
                phone ? Channel.PHONE : CHANNELS[random.nextInt(CHANNELS.length)],
                random.nextInt(20) == 0 ? PARTIES[1 + random.nextInt(4)] : Party.CLIENT,
                random.nextInt(4) == 0 ? "13900000000" : "13800000000",
                phone && random.nextInt(5) == 0,
                "summary",
                null,
                null);
        var corrects = i > 0 && random.nextInt(50) == 0 ? log.get(i - 1).id() : null;
        log.add(
            new ContactEntry(
                UUID.randomUUID(),
                caseId,
                details,
                corrects,
                corrects == null ? null : "fix",
                COUNSELOR,
                "bench",
                at));
      }
      logs.add(log);
    }
    return logs;
  }

  private static long usedMiB() {
    var runtime = Runtime.getRuntime();
    System.gc();
    return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
  }

  @Test
  void detection_over_two_million_entries() {
    var before = usedMiB();
    var logs = logs();
    var withData = usedMiB();
    System.out.printf(
        "entries: %,d in %,d cases; heap for the entries: %,d MiB%n",
        (long) CASES * PER_CASE, CASES, withData - before);
    for (var jurisdiction : List.of(RulePacks.CN_CBA_2026, RulePacks.US_REGF)) {
      for (int round = 1; round <= 3; round++) {
        long findings = 0;
        long slowestCase = 0;
        var start = System.nanoTime();
        for (var log : logs) {
          var caseStart = System.nanoTime();
          var contacts =
              ContactEntry.current(log).stream().map(e -> CollectionContact.of(e, null)).toList();
          findings += jurisdiction.findIn(contacts).size();
          slowestCase = Math.max(slowestCase, System.nanoTime() - caseStart);
        }
        var perCase = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
            "%s round %d: case by case %,d ms (slowest case %.2f ms), %,d findings%n",
            jurisdiction.label(), round, perCase, slowestCase / 1e6, findings);
        assertThat(findings).isPositive();
      }
      var all =
          logs.stream()
              .flatMap(log -> ContactEntry.current(log).stream())
              .map(e -> CollectionContact.of(e, null))
              .toList();
      var start = System.nanoTime();
      var found = jurisdiction.findIn(all).size();
      System.out.printf(
          "%s as one list of %,d: %,d ms, %,d findings; heap now %,d MiB%n",
          jurisdiction.label(),
          all.size(),
          (System.nanoTime() - start) / 1_000_000,
          found,
          usedMiB());
    }
  }
}
