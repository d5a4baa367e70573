package org.clearpath.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Everything the local stack keeps, in one directory ({@code CLEARPATH_DATA_DIR}, default {@code
 * .local/}): PostgreSQL's data (both databases), one log file per component, backups, the pids of
 * what the launcher started, and the secrets it made on the first start.
 */
record DataDir(Path root) {
  static final String ADMIN_PASSWORD = "keycloak.admin-password";
  static final String WEB_SECRET = "keycloak.web-client-secret";
  static final String SERVICE_SECRET = "keycloak.service-client-secret";
  static final String SESSION_SECRET = "app.session-secret";
  static final String MASTER_KEY = "app.master-key";
  // the app database's owner (Flyway) and the app's runtime login (DatabaseRoles)
  static final String DB_OWNER_PASSWORD = "postgres.owner-password";
  static final String DB_APP_PASSWORD = "postgres.app-password";
  private static final SecureRandom RANDOM = new SecureRandom();

  DataDir {
    root = root.toAbsolutePath().normalize();
  }

  Path postgres() {
    return root.resolve("postgres");
  }

  Path logs() {
    return root.resolve("logs");
  }

  Path log(String component) {
    return logs().resolve(component + ".log");
  }

  Path backups() {
    return root.resolve("backups");
  }

  Path run() {
    return root.resolve("run");
  }

  Path launcherPid() {
    return run().resolve("launcher.pid");
  }

  Path keycloakPids() {
    return run().resolve("keycloak.pid");
  }

  Path secretsFile() {
    return root.resolve("secrets.properties");
  }

  /** Is there a database here already? */
  boolean hasDatabase() {
    return Files.isRegularFile(postgres().resolve("PG_VERSION"));
  }

  void create() {
    try {
      Files.createDirectories(root);
      Files.createDirectories(logs());
      Files.createDirectories(backups());
      Files.createDirectories(run());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The secrets of this install: made once, on the first start, and kept readable by the owner
   * only. The Keycloak realm gets its client secrets from here, so no committed secret guards a
   * real install.
   */
  Properties secrets() {
    var secrets = storedSecrets();
    try {
      var changed = false;
      for (var key :
          new String[] {
            ADMIN_PASSWORD,
            WEB_SECRET,
            SERVICE_SECRET,
            SESSION_SECRET,
            MASTER_KEY,
            DB_OWNER_PASSWORD,
            DB_APP_PASSWORD
          }) {
        if (secrets.getProperty(key, "").isBlank()) {
          secrets.setProperty(key, random(key.equals(ADMIN_PASSWORD) ? 18 : 36));
          changed = true;
        }
      }
      if (changed) {
        store(secrets);
      }
      return secrets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The secrets as stored now (none if there is no file yet), without making any. */
  Properties storedSecrets() {
    var secrets = new Properties();
    if (Files.exists(secretsFile())) {
      try (var in = Files.newBufferedReader(secretsFile())) {
        secrets.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return secrets;
  }

  /** Replaces the secrets file at once (never half written), readable by the owner only. */
  void store(Properties secrets) throws IOException {
    Files.createDirectories(root);
    var temp = root.resolve("secrets.properties.tmp");
    Files.deleteIfExists(temp);
    Files.createFile(
        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (var out = Files.newBufferedWriter(temp)) {
      secrets.store(out, "Clearpath local stack secrets: keep private; keep app.master-key apart");
    }
    Files.move(temp, secretsFile(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Random text that passes the realm's password policy (upper, lower, digit, 12+). */
  static String random(int bytes) {
    var raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return "Cp9"
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(raw)
            .replace('-', 'x')
            .replace('_', 'y');
  }
}
