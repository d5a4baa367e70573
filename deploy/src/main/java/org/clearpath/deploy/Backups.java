package org.clearpath.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Online backups of the embedded PostgreSQL: both databases (the app's and Keycloak's) in one
 * consistent copy of the server, plus the install's secrets, in one zip with its SHA-256 beside it.
 *
 * <p>Why not {@code pg_dump}: the embedded PostgreSQL 17 ships only {@code initdb}, {@code pg_ctl}
 * and {@code postgres}, and Debian 12's {@code pg_dump} is version 15, which refuses a newer
 * server. So this takes a base backup the way {@code pg_basebackup} does: {@code pg_backup_start},
 * a copy of the data directory, {@code pg_backup_stop} (whose label file goes into the copy), and
 * the write-ahead log written meanwhile, held back by a temporary replication slot. Restoring puts
 * that copy in an empty data directory; the next start replays the log up to the moment the backup
 * ended.
 */
final class Backups {
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern NAME =
      Pattern.compile("clearpath-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z)\\.zip");
  private static final String DATA = "postgres/";
  private static final String SECRETS = "secrets.properties";

  /** Written or locked by the running server or by zonky; never part of a copy. */
  private static final Set<String> SKIPPED_FILES =
      Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label.old");

  private static final Set<String> EMPTIED_DIRS =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans");

  private Backups() {}

  /** Takes a backup now into {@code <data dir>/backups/}; returns the zip. */
  static Path backup(DataDir dataDir, int port, Instant now) {
    var zip = dataDir.backups().resolve("clearpath-" + NAME_TIME.format(now) + ".zip");
    var partial = zip.resolveSibling(zip.getFileName() + ".partial");
    try {
      Files.createDirectories(dataDir.backups());
      try (var connection =
              java.sql.DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                  DurablePostgres.USER,
                  DurablePostgres.PASSWORD);
          var statement = connection.createStatement();
          var out = new ZipOutputStream(Files.newOutputStream(partial))) {
        // keeps every WAL segment from here on until this session ends
        statement.execute(
            "select pg_create_physical_replication_slot('clearpath_backup_'"
                + " || pg_backend_pid(), true, true)");
        String startWal;
        try (var rs =
            statement.executeQuery(
                "select pg_walfile_name(pg_backup_start('clearpath " + now + "', true))")) {
          rs.next();
          startWal = rs.getString(1);
        }
        var data = dataDir.postgres();
        copyTree(data, out);
        String label;
        try (var rs =
            statement.executeQuery(
                "select labelfile from pg_backup_stop(wait_for_archive => false)")) {
          rs.next();
          label = rs.getString(1);
        }
        put(out, DATA + "backup_label", label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (Stream<Path> wal = Files.list(data.resolve("pg_wal"))) {
          for (var segment :
              wal.filter(p -> p.getFileName().toString().matches("[0-9A-F]{24}"))
                  .filter(p -> p.getFileName().toString().compareTo(startWal) >= 0)
                  .sorted()
                  .toList()) {
            putFile(out, DATA + "pg_wal/" + segment.getFileName(), segment);
          }
        }
        if (Files.exists(dataDir.secretsFile())) {
          put(out, SECRETS, withoutMasterKey(dataDir.storedSecrets()));
        }
      }
      Files.move(partial, zip, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(
          zip.resolveSibling(zip.getFileName() + ".sha256"),
          sha256(zip) + "  " + zip.getFileName() + "\n");
      return zip;
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException("backup failed", e);
    } catch (SQLException e) {
      deleteQuietly(partial);
      throw new IllegalStateException("backup failed: " + e.getMessage(), e);
    }
  }

  /**
   * The install's secrets as a backup keeps them: all but the master key, which would open every
   * sealed record of a stolen backup. It is kept apart, and given again to {@link #restore}.
   */
  private static byte[] withoutMasterKey(java.util.Properties secrets) throws IOException {
    secrets.remove(DataDir.MASTER_KEY);
    var bytes = new java.io.ByteArrayOutputStream();
    try (var writer =
        new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      secrets.store(writer, "Clearpath local stack secrets (without the master key)");
    }
    return bytes.toByteArray();
  }

  /**
   * Restores a backup into a data directory that holds no database yet. {@code masterKey} is the
   * install's master key, which backups do not hold (one made before they left it out does, and
   * serves when none is given); without either nothing is restored.
   */
  static void restore(Path zip, DataDir dataDir, String masterKey) {
    if (!Files.isRegularFile(zip)) {
      throw new IllegalArgumentException("no backup at " + zip);
    }
    if (dataDir.hasDatabase()) {
      throw new IllegalStateException(
          dataDir.postgres()
              + " holds a database already: restore only into an empty data directory"
              + " (set CLEARPATH_DATA_DIR to a new one, or move this one away)");
    }
    var sumFile = zip.resolveSibling(zip.getFileName() + ".sha256");
    try {
      if (Files.exists(sumFile)) {
        var expected = Files.readString(sumFile).strip().split("\\s+")[0];
        var actual = sha256(zip);
        if (!expected.equalsIgnoreCase(actual)) {
          throw new IllegalStateException(
              zip + " does not match its SHA-256 (" + sumFile + "): the file is damaged");
        }
      } else {
        System.out.println(
            "[local-stack] (no " + sumFile.getFileName() + " beside it: not checked)");
      }
      var keptKey = masterKeyIn(zip);
      if (masterKey.isBlank() && keptKey.isEmpty()) {
        throw new IllegalStateException(
            "a backup does not hold the master key: set CLEARPATH_MASTER_KEY to this install's"
                + " (app.master-key in its secrets.properties, kept apart from the backups)");
      }
      dataDir.create();
      var target = dataDir.postgres();
      Files.createDirectories(target);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
      try (var in = new ZipInputStream(Files.newInputStream(zip))) {
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
          var name = entry.getName();
          Path out;
          if (name.equals(SECRETS)) {
            out = dataDir.secretsFile();
          } else if (name.startsWith(DATA)) {
            out = target.resolve(name.substring(DATA.length())).normalize();
            if (!out.startsWith(target)) {
              throw new IllegalStateException("unsafe entry in backup: " + name);
            }
          } else {
            continue;
          }
          if (entry.isDirectory()) {
            Files.createDirectories(out);
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
          } else {
            Files.createDirectories(out.getParent());
            Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
          }
        }
      }
      for (var dir : EMPTIED_DIRS) {
        Files.createDirectories(target.resolve(dir));
      }
      if (!masterKey.isBlank()) {
        var secrets = dataDir.storedSecrets();
        secrets.setProperty(DataDir.MASTER_KEY, masterKey.strip());
        dataDir.store(secrets);
      }
      Files.createDirectories(target.resolve("pg_wal/archive_status"));
      Files.createDirectories(target.resolve("pg_wal/summaries"));
    } catch (IOException e) {
      throw new UncheckedIOException("restore failed", e);
    }
  }

  /** The master key a backup's secrets hold: only those made before backups left it out. */
  private static java.util.Optional<String> masterKeyIn(Path zip) throws IOException {
    try (var in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        if (entry.getName().equals(SECRETS)) {
          var secrets = new java.util.Properties();
          secrets.load(
              new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.ISO_8859_1));
          return java.util.Optional.ofNullable(secrets.getProperty(DataDir.MASTER_KEY))
              .filter(k -> !k.isBlank());
        }
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Which backups to keep: the newest of each of the last 7 days that have one, and, before those,
   * the newest of each of 4 more ISO weeks (weeks the daily ones already cover do not count).
   * Everything else goes, with its checksum.
   */
  static List<Path> prune(Path backups, ZoneId zone) {
    var all = list(backups); // newest first
    var keep = new HashSet<Path>();
    var days = new HashSet<LocalDate>();
    var coveredWeeks = new HashSet<String>();
    var weekly = 0;
    for (var backup : all) {
      var day = takenAt(backup).atZone(zone).toLocalDate();
      var week =
          day.get(IsoFields.WEEK_BASED_YEAR) + "-" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      if (days.contains(day)) {
        continue; // an older one of a day already kept
      }
      if (days.size() < 7) {
        days.add(day);
        coveredWeeks.add(week);
        keep.add(backup);
      } else if (weekly < 4 && coveredWeeks.add(week)) {
        weekly++;
        keep.add(backup);
      }
    }
    var removed = new ArrayList<Path>();
    for (var backup : all) {
      if (!keep.contains(backup)) {
        deleteQuietly(backup);
        deleteQuietly(backup.resolveSibling(backup.getFileName() + ".sha256"));
        removed.add(backup);
      }
    }
    return removed;
  }

  /** The backups in a folder, newest first. */
  static List<Path> list(Path backups) {
    if (!Files.isDirectory(backups)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(backups)) {
      return files
          .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparing(Backups::takenAt).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Instant takenAt(Path backup) {
    var matcher = NAME.matcher(backup.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a backup name: " + backup);
    }
    return NAME_TIME.parse(matcher.group(1), Instant::from);
  }

  private static void copyTree(Path data, ZipOutputStream out) throws IOException {
    Files.walkFileTree(
        data,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            var relative = data.relativize(dir).toString();
            if (!relative.isEmpty()) {
              out.putNextEntry(new ZipEntry(DATA + relative + "/"));
              out.closeEntry();
            }
            return EMPTIED_DIRS.contains(relative)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            var name = file.getFileName().toString();
            if (!SKIPPED_FILES.contains(name) && !name.startsWith("pgsql_tmp")) {
              try {
                putFile(out, DATA + data.relativize(file), file);
              } catch (NoSuchFileException e) {
                // dropped while we copied: the WAL replays that
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // vanished meanwhile
          }
        });
  }

  private static void putFile(ZipOutputStream out, String name, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      out.putNextEntry(new ZipEntry(name));
      in.transferTo(out);
      out.closeEntry();
    }
  }

  private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content);
    out.closeEntry();
  }

  static String sha256(Path file) throws IOException {
    try (var in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left for the next prune
    }
  }
}
