package org.clearpath.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.evidence.Sha256;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Heap taken by ten concurrent 20 MB uploads and then ten concurrent 20 MB downloads, through HTTP
 * against the app in this JVM. Prints how far the heap grew: the most it held after any collection
 * during the phase (what was kept, not garbage), and its highest reading at all, both beyond what
 * it held after a full collection before the phase. Run with the production heap:
 *
 * <pre>
 * ./mvnw -B -o test -pl api -Dtest=EvidenceStreamingBenchmark -Dtest.excludedGroups= \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DargLine=@../deploy/jvm.options
 * </pre>
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceStreamingBenchmark implements TestPropertyProvider {
  private static final int SIZE = 20 * 1024 * 1024;
  private static final int CONCURRENT = 10;

  @Inject EmbeddedServer server;
  @Inject TokenGenerator tokens;
  @Inject CaseFileService cases;

  private final User wang = User.with("counselor");
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  public Map<String, String> getProperties() {
    var properties = new java.util.HashMap<>(ApiTestSupport.properties());
    properties.put("clearpath.evidence.max-bytes", String.valueOf(SIZE));
    properties.put("micronaut.server.max-request-size", String.valueOf(SIZE + 1024 * 1024));
    return properties;
  }

  /** The highest heap reading after a collection, while it listens. */
  private static final class AfterCollections implements AutoCloseable {
    private final AtomicLong most = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final javax.management.NotificationListener listener;

    AfterCollections() {
      Set<String> heap =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(pool -> pool.getType() == MemoryType.HEAP)
              .map(pool -> pool.getName())
              .collect(Collectors.toSet());
      listener =
          (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                notification.getType())) {
              var info =
                  GarbageCollectionNotificationInfo.from(
                      (CompositeData) notification.getUserData());
              var after =
                  info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                      .filter(e -> heap.contains(e.getKey()))
                      .mapToLong(e -> e.getValue().getUsed())
                      .sum();
              most.accumulateAndGet(after, Math::max);
            }
          };
      for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        var emitter = (NotificationEmitter) gc;
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }

    long most() {
      return most.get();
    }

    @Override
    public void close() throws Exception {
      for (var emitter : emitters) {
        emitter.removeNotificationListener(listener);
      }
    }
  }

  private record Figures(long keptMb, long peakMb, long seconds) {}

  private static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private <T> Figures measure(List<Callable<T>> work, List<T> results) throws Exception {
    System.gc();
    var baseline = used();
    var peak = new AtomicLong(baseline);
    var sampling = Executors.newSingleThreadScheduledExecutor();
    sampling.scheduleAtFixedRate(
        () -> peak.accumulateAndGet(used(), Math::max),
        0,
        5,
        java.util.concurrent.TimeUnit.MILLISECONDS);
    var started = System.nanoTime();
    long kept;
    try (var collections = new AfterCollections();
        var pool = Executors.newFixedThreadPool(CONCURRENT)) {
      for (var future : pool.invokeAll(work)) {
        results.add(future.get());
      }
      kept = collections.most();
    } finally {
      sampling.shutdownNow();
    }
    var seconds = (System.nanoTime() - started) / 1_000_000_000L;
    return new Figures(
        Math.max(0, kept - baseline) >> 20, Math.max(0, peak.get() - baseline) >> 20, seconds);
  }

  @Test
  void ten_concurrent_20_mb_uploads_and_downloads() throws Exception {
    var caseId =
        cases
            .open(
                new OpenCase(new ClientName("陈小明"), Optional.empty()),
                ApiTestSupport.counselor(wang))
            .id();
    var token = ApiTestSupport.tokenFor(tokens, wang);
    var content = new byte[SIZE];
    new Random(20).nextBytes(content);
    var header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, content, 0, header.length);
    var sha = Sha256.of(content);
    var base = "http://localhost:" + server.getPort();

    var uploads = new ArrayList<Callable<String>>();
    for (int i = 0; i < CONCURRENT; i++) {
      var name = "录音-" + i + ".pdf";
      uploads.add(
          () -> {
            var response =
                http.send(
                    HttpRequest.newBuilder(
                            URI.create(
                                base
                                    + "/api/cases/"
                                    + caseId
                                    + "/evidence?name="
                                    + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/octet-stream")
                        .POST(
                            HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(content)))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.body()).contains(sha);
            return response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
          });
    }
    var ids = new ArrayList<String>();
    var up = measure(uploads, ids);

    var downloads = new ArrayList<Callable<String>>();
    for (var id : ids) {
      downloads.add(
          () -> {
            var response =
                http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/evidence/" + id + "/content"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(response.headers().firstValue("Content-Length"))
                .contains(String.valueOf(SIZE));
            var digest = MessageDigest.getInstance("SHA-256");
            var buffer = new byte[64 * 1024];
            try (var in = response.body()) {
              for (int n; (n = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
              }
            }
            return HexFormat.of().formatHex(digest.digest());
          });
    }
    var hashes = new ArrayList<String>();
    var down = measure(downloads, hashes);
    assertThat(hashes).hasSize(CONCURRENT).allMatch(sha::equals);

    var max = Runtime.getRuntime().maxMemory() >> 20;
    System.out.printf(
        "%nevidence streaming, %d concurrent files of %d MB (max heap %d MB):%n"
            + "  uploads:   heap kept +%d MB, highest reading +%d MB, %d s%n"
            + "  downloads: heap kept +%d MB, highest reading +%d MB, %d s%n",
        CONCURRENT,
        SIZE >> 20,
        max,
        up.keptMb(),
        up.peakMb(),
        up.seconds(),
        down.keptMb(),
        down.peakMb(),
        down.seconds());
  }
}
