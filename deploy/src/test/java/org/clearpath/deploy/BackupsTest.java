package org.clearpath.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which backups stay: 7 daily and 4 weekly. */
class BackupsTest {
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

  @TempDir Path dir;

  private Path backup(Instant at) throws IOException {
    var zip = dir.resolve("clearpath-" + NAME.format(at) + ".zip");
    Files.writeString(zip, "zip");
    Files.writeString(zip.resolveSibling(zip.getFileName() + ".sha256"), "sum");
    return zip;
  }

  @Test
  void keeps_the_newest_of_the_last_seven_days_and_of_the_last_four_weeks() throws IOException {
    // two backups a day for 60 days, ending on Tuesday 2026-12-01
    var last = Instant.parse("2026-12-01T02:30:00Z");
    for (int day = 0; day < 60; day++) {
      backup(last.minusSeconds(day * 86_400L));
      backup(last.minusSeconds(day * 86_400L + 3_600));
    }
    var removed = Backups.prune(dir, ZoneOffset.UTC);
    var kept = new HashSet<String>();
    Backups.list(dir).forEach(p -> kept.add(p.getFileName().toString().substring(10, 20)));

    // 7 days: 25 Nov … 1 Dec (their weeks start 23 and 30 Nov); then the newest of 4 more weeks:
    // the Sundays 22, 15, 8 and 1 Nov
    assertThat(kept)
        .containsExactlyInAnyOrder(
            "2026-12-01",
            "2026-11-30",
            "2026-11-29",
            "2026-11-28",
            "2026-11-27",
            "2026-11-26",
            "2026-11-25",
            "2026-11-22",
            "2026-11-15",
            "2026-11-08",
            "2026-11-01");
    assertThat(Backups.list(dir)).hasSize(11);
    assertThat(removed).hasSize(120 - 11);
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".sha256")).count())
          .as("each checksum goes with its backup")
          .isEqualTo(11);
    }
  }

  @Test
  void a_damaged_backup_is_not_restored() throws IOException {
    var zip = backup(Instant.parse("2026-12-01T02:30:00Z"));
    Files.writeString(zip.resolveSibling(zip.getFileName() + ".sha256"), "0".repeat(64) + "  x\n");
    var target = new DataDir(dir.resolve("data"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Backups.restore(zip, target, "a-master-key-of-at-least-32-bytes-long"))
        .hasMessageContaining("does not match its SHA-256");
    assertThat(target.hasDatabase()).isFalse();
  }

  /** A backup as {@link Backups#backup} writes one: secrets and a server's data directory. */
  private Path backupWithSecrets(String secrets) throws IOException {
    var zip = dir.resolve("clearpath-2026-12-01T02-30-00Z.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("secrets.properties"));
      out.write(secrets.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      out.closeEntry();
      out.putNextEntry(new java.util.zip.ZipEntry("postgres/PG_VERSION"));
      out.write("17\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      out.closeEntry();
    }
    return zip;
  }

  private static String masterKeyOf(DataDir data) throws IOException {
    var secrets = new java.util.Properties();
    try (var in = Files.newBufferedReader(data.secretsFile())) {
      secrets.load(in);
    }
    return secrets.getProperty(DataDir.MASTER_KEY);
  }

  @Test
  void a_backup_without_the_master_key_is_restored_only_with_the_key_given_apart()
      throws IOException {
    var zip = backupWithSecrets("app.session-secret=s\n");
    var refused = new DataDir(dir.resolve("refused"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Backups.restore(zip, refused, ""))
        .hasMessageContaining("CLEARPATH_MASTER_KEY");
    assertThat(refused.hasDatabase()).isFalse();

    var restored = new DataDir(dir.resolve("restored"));
    Backups.restore(zip, restored, "the-install-master-key-0123456789abcdef");
    assertThat(restored.hasDatabase()).isTrue();
    assertThat(masterKeyOf(restored)).isEqualTo("the-install-master-key-0123456789abcdef");
    assertThat(Files.readString(restored.secretsFile())).contains("app.session-secret=s");

    // one made before backups left the key out holds it, and serves
    var older = backupWithSecrets("app.master-key=older-key-kept-in-the-backup-0123456789\n");
    var fromOlder = new DataDir(dir.resolve("older"));
    Backups.restore(older, fromOlder, "");
    assertThat(masterKeyOf(fromOlder)).isEqualTo("older-key-kept-in-the-backup-0123456789");
  }
}
