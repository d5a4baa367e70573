package org.clearpath.deploy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clearpath.persistence.DatabaseRoles;

/**
 * The whole stack as a durable install on one machine: PostgreSQL 17 (embedded, or {@code
 * CLEARPATH_DB_URL}), Keycloak 26 keeping its users in PostgreSQL, and the app.
 *
 * <pre>
 *   start [--demo]   start everything (with --demo: demo users and demo cases)
 *   stop             stop a running stack (from another terminal)
 *   backup           take a backup now into &lt;data dir&gt;/backups/
 *   restore FILE     restore a backup into an empty data directory
 * </pre>
 *
 * <p>Everything lives in one data directory ({@code CLEARPATH_DATA_DIR}, default {@code .local/}).
 * Ports: app {@code CLEARPATH_PORT} (8080), Keycloak {@code CLEARPATH_KEYCLOAK_PORT} (8180),
 * embedded PostgreSQL {@code CLEARPATH_PG_PORT} (54329).
 */
public final class LocalStack {
  private static final String MAIN = LocalStack.class.getName();
  private static final Duration BACKUP_EVERY = Duration.ofHours(24);

  private final Path root;
  private final DataDir dataDir;
  private final Path keycloakHome;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final java.util.concurrent.CountDownLatch stopped =
      new java.util.concurrent.CountDownLatch(1);
  private volatile ApplicationContext app;
  private volatile KeycloakServer keycloak;
  private volatile DurablePostgres postgres;
  private ScheduledExecutorService scheduler;

  private LocalStack(Path root) {
    this.root = root;
    this.dataDir =
        new DataDir(Path.of(env("CLEARPATH_DATA_DIR", root.resolve(".local").toString())));
    this.keycloakHome =
        Path.of(
                System.getProperty(
                    "keycloak.home", root.resolve("deploy/target/keycloak-26.7.3").toString()))
            .toAbsolutePath()
            .normalize();
  }

  public static void main(String[] args) {
    var root = Path.of(System.getProperty("clearpath.root", ".")).toAbsolutePath().normalize();
    var stack = new LocalStack(root);
    var command = args.length == 0 || args[0].startsWith("--") ? "start" : args[0];
    var rest = new ArrayList<>(List.of(args));
    if (!rest.isEmpty() && !rest.getFirst().startsWith("--")) {
      rest.removeFirst();
    }
    try {
      switch (command) {
        case "start" -> {
          stack.start(rest.contains("--demo"));
          // the main thread stays until the stack has stopped: the JVM must not end while the
          // signal handler (a daemon thread) is still stopping Keycloak and PostgreSQL
          stack.stopped.await();
        }
        case "stop" -> System.exit(stack.stop() ? 0 : 1);
        case "narrow-keycloak" -> narrowKeycloak();
        case "backup" -> stack.backupCommand();
        case "restore" -> {
          if (rest.isEmpty()) {
            throw new IllegalArgumentException("restore needs the backup file: restore FILE");
          }
          stack.restoreCommand(Path.of(rest.getFirst()));
        }
        default ->
            throw new IllegalArgumentException(
                "unknown command '"
                    + command
                    + "': start [--demo] | stop | backup | restore FILE | narrow-keycloak");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      say("ERROR: " + e.getMessage());
      stack.shutDown();
      System.exit(1);
    }
  }

  // ---------------------------------------------------------------- start

  private void start(boolean demo) {
    var started = System.nanoTime();
    dataDir.create();
    refuseSecondLauncher();
    Processes.writePids(dataDir.launcherPid(), List.of(ProcessHandle.current().pid()));
    sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> stopAndExit(0));
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> stopAndExit(0));

    if (KeycloakServer.stopLeftovers(dataDir.keycloakPids(), keycloakHome)) {
      say("Stopped a Keycloak left running by an earlier start.");
    }
    var external = env("CLEARPATH_DB_URL", "");
    if (external.isBlank() && DurablePostgres.stopLeftovers(dataDir.postgres())) {
      say("Stopped PostgreSQL processes left running by an earlier start.");
    }
    var appPort = intEnv("CLEARPATH_PORT", 8080);
    var keycloakPort = intEnv("CLEARPATH_KEYCLOAK_PORT", 8180);
    var pgPort = intEnv("CLEARPATH_PG_PORT", 54329);
    requireFree(appPort, "CLEARPATH_PORT");
    requireFree(keycloakPort, "CLEARPATH_KEYCLOAK_PORT");
    if (external.isBlank()) {
      requireFree(pgPort, "CLEARPATH_PG_PORT");
    }
    var firstStart = !dataDir.hasDatabase() && external.isBlank();
    var secrets = dataDir.secrets();
    var appUrl = "http://localhost:" + appPort;

    Map<String, Object> appDatabase;
    KeycloakServer.Database keycloakDatabase;
    if (external.isBlank()) {
      say(
          (firstStart ? "Creating" : "Starting")
              + " PostgreSQL 17 in "
              + dataDir.postgres()
              + " (port "
              + pgPort
              + ", durable: fsync and synchronous commit on)…");
      postgres =
          DurablePostgres.start(
              dataDir.postgres(),
              pgPort,
              dataDir.log("postgres"),
              List.of("clearpath", "keycloak"));
      // the app connects as a login that owns nothing; Flyway migrates as the owner
      appDatabase =
          Map.<String, Object>copyOf(
              postgres.withRoles(
                  "clearpath",
                  new DatabaseRoles.Login(
                      "clearpath_owner", secrets.getProperty(DataDir.DB_OWNER_PASSWORD)),
                  new DatabaseRoles.Login(
                      "clearpath_app", secrets.getProperty(DataDir.DB_APP_PASSWORD))));
      keycloakDatabase =
          new KeycloakServer.Database(
              postgres.jdbcUrl("keycloak"), DurablePostgres.USER, DurablePostgres.PASSWORD);
    } else {
      say("Using PostgreSQL at " + external);
      var ownerUser = env("CLEARPATH_DB_OWNER_USER", "");
      appDatabase =
          ownerUser.isBlank()
              // one login for everything
              ? Map.of(
                  "datasources.default.url", external,
                  "datasources.default.username", env("CLEARPATH_DB_USER", "clearpath"),
                  "datasources.default.password", env("CLEARPATH_DB_PASSWORD", "clearpath"))
              // set up as DatabaseRoles does (README, "Least privilege in the database")
              : Map.<String, Object>copyOf(
                  DatabaseRoles.micronautProperties(
                      external,
                      new DatabaseRoles.Login(ownerUser, env("CLEARPATH_DB_OWNER_PASSWORD", "")),
                      new DatabaseRoles.Login(
                          env("CLEARPATH_DB_USER", "clearpath_app"),
                          env("CLEARPATH_DB_PASSWORD", ""))));
      var keycloakUrl = env("CLEARPATH_KEYCLOAK_DB_URL", "");
      if (keycloakUrl.isBlank()) {
        throw new IllegalStateException(
            "with CLEARPATH_DB_URL, also set CLEARPATH_KEYCLOAK_DB_URL (and _USER, _PASSWORD):"
                + " Keycloak needs a database of its own");
      }
      keycloakDatabase =
          new KeycloakServer.Database(
              keycloakUrl,
              env("CLEARPATH_KEYCLOAK_DB_USER", "keycloak"),
              env("CLEARPATH_KEYCLOAK_DB_PASSWORD", "keycloak"));
    }

    say("Starting Keycloak 26 on port " + keycloakPort + " (a first start takes a few minutes)…");
    var realmDir = root.resolve("deploy/keycloak");
    var realm =
        RealmFiles.installRealm(
            realmDir,
            appUrl,
            secrets.getProperty(DataDir.WEB_SECRET),
            secrets.getProperty(DataDir.SERVICE_SECRET));
    keycloak =
        KeycloakServer.start(
            keycloakHome,
            keycloakPort,
            realm,
            keycloakDatabase,
            secrets.getProperty(DataDir.ADMIN_PASSWORD),
            dataDir.log("keycloak"),
            Duration.ofMinutes(10));
    Processes.writePids(dataDir.keycloakPids(), keycloak.pids());

    Optional<String> supervisorPassword;
    try (var admin = new RealmAdmin(keycloak)) {
      admin.alignClients(
          appUrl,
          secrets.getProperty(DataDir.WEB_SECRET),
          secrets.getProperty(DataDir.SERVICE_SECRET));
      admin.ensureStaffRoles();
      admin.narrowServiceAccount();
      // staff give a one-time code after their password; the demo users have no authenticator
      admin.requireStaffSecondFactor(staffSecondFactor(!demo));
      if (demo) {
        admin.addDemoUsers(RealmFiles.devOverlay(realmDir));
      }
      supervisorPassword = admin.ensureFirstSupervisor();
      // the demo users and the first supervisor are staff: their accounts are not the service
      // account's to manage
      admin.ensureStaffGroup();
    }

    say("Starting Clearpath on port " + appPort + (demo ? " with demo data" : "") + "…");
    app =
        ClearpathApp.start(
            new ClearpathApp.Settings(
                appUrl,
                appPort,
                keycloak.url(),
                secrets.getProperty(DataDir.WEB_SECRET),
                secrets.getProperty(DataDir.SERVICE_SECRET),
                secrets.getProperty(DataDir.SESSION_SECRET),
                masterKey(secrets),
                appDatabase,
                demo,
                demo ? new String[] {"dev"} : new String[0]));
    watchComponents();
    if (postgres != null) {
      scheduleBackups();
    }
    printBanner(appUrl, demo, supervisorPassword, Duration.ofNanos(System.nanoTime() - started));
  }

  private void refuseSecondLauncher() {
    for (var pid : Processes.readPids(dataDir.launcherPid())) {
      if (pid != ProcessHandle.current().pid()
          && Processes.commandLine(pid).orElse("").contains(MAIN)) {
        throw new IllegalStateException(
            "Clearpath is already running from "
                + dataDir.root()
                + " ("
                + Processes.describe(pid)
                + "); stop it with ./deploy/local-stack.sh stop");
      }
    }
  }

  private static void requireFree(int port, String variable) {
    if (FreePort.isFree(port)) {
      return;
    }
    var owner =
        Processes.listeningOn(port)
            .map(Processes::describe)
            .orElse("a process this user cannot see");
    throw new IllegalStateException(
        "port "
            + port
            + " is in use by "
            + owner
            + ": stop it, or set "
            + variable
            + " to another port");
  }

  /** If PostgreSQL or Keycloak dies under us, stop the rest: the next start recovers. */
  private void watchComponents() {
    var watcher =
        new Thread(
            () -> {
              while (!stopping.get()) {
                Processes.sleep(1000);
                String dead = null;
                if (postgres != null && !postgres.running()) {
                  dead = "PostgreSQL";
                } else if (keycloak != null && !keycloak.isAlive()) {
                  dead = "Keycloak";
                }
                if (dead != null && !stopping.get()) {
                  say(
                      dead
                          + " stopped unexpectedly (see "
                          + dataDir.logs()
                          + "); stopping the rest. Start again with ./deploy/local-stack.sh");
                  stopAndExit(1);
                }
              }
            },
            "component-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private void scheduleBackups() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              var thread = new Thread(r, "daily-backup");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(this::backupIfDue, 10, 10, TimeUnit.MINUTES);
  }

  private void backupIfDue() {
    try {
      var newest = Backups.list(dataDir.backups()).stream().findFirst().map(Backups::takenAt);
      if (newest.isEmpty() || newest.get().isBefore(Instant.now().minus(BACKUP_EVERY))) {
        var zip = Backups.backup(dataDir, postgres.port(), Instant.now());
        Backups.prune(dataDir.backups(), ZoneId.systemDefault());
        say("Daily backup written: " + zip);
      }
    } catch (RuntimeException e) {
      say("Daily backup FAILED: " + e.getMessage());
    }
  }

  private void printBanner(
      String appUrl, boolean demo, Optional<String> supervisorPassword, Duration took) {
    var lines = new StringBuilder();
    lines.append("\n================================================================\n");
    lines
        .append(" Clearpath is running:  ")
        .append(appUrl)
        .append("   (started in ")
        .append(took.toSeconds())
        .append(" s)\n\n");
    if (demo) {
      lines.append(
          """
           Demo logins (username / password):
             counselor   counselor.wang  / Counselor-demo-1
             counselor   counselor.li    / Counselor-demo-2
             supervisor  supervisor.zhao / Supervisor-demo-1 (also staff admin)
             client      client.chen     / Client-demo-1
             client      client.liu      / Client-demo-2

          """);
    }
    supervisorPassword.ifPresent(
        password ->
            lines
                .append(" First login: ")
                .append(RealmAdmin.FIRST_SUPERVISOR)
                .append(" / ")
                .append(password)
                .append("\n   (one-time password: you choose a new one at the first login;\n")
                .append("    then add counselors in the Keycloak admin console)\n\n"));
    lines
        .append(" Keycloak admin console: ")
        .append(keycloak.url())
        .append("/admin  (admin / see ")
        .append(dataDir.secretsFile())
        .append(")\n");
    lines
        .append(" Data: ")
        .append(dataDir.root())
        .append("   Logs: ")
        .append(dataDir.logs())
        .append("\n");
    lines
        .append(" Backups: daily into ")
        .append(dataDir.backups())
        .append("; now: ./deploy/local-stack.sh backup\n");
    lines.append(" Stop: Ctrl-C, or ./deploy/local-stack.sh stop\n");
    lines.append("================================================================");
    System.out.println(lines);
  }

  /**
   * For a Keycloak the launcher does not run (the compose trial, a managed one): the staff roles
   * and the narrowed service account, as every start of the local stack makes them. Asks for {@code
   * CLEARPATH_KEYCLOAK_URL}, {@code KEYCLOAK_ADMIN} (default admin) and {@code
   * KEYCLOAK_ADMIN_PASSWORD}.
   */
  private static void narrowKeycloak() {
    var url = System.getenv("CLEARPATH_KEYCLOAK_URL");
    var password = System.getenv("KEYCLOAK_ADMIN_PASSWORD");
    if (url == null || url.isBlank() || password == null || password.isBlank()) {
      throw new IllegalArgumentException(
          "narrow-keycloak needs CLEARPATH_KEYCLOAK_URL and KEYCLOAK_ADMIN_PASSWORD (and"
              + " KEYCLOAK_ADMIN when the administrator is not called admin)");
    }
    var username = System.getenv().getOrDefault("KEYCLOAK_ADMIN", "admin");
    try (var admin = new RealmAdmin(url, username, password)) {
      admin.ensureStaffRoles();
      admin.narrowServiceAccount();
      admin.requireStaffSecondFactor(staffSecondFactor(true));
    }
    say(
        "The service account clearpath-service now gives only the counselor, supervisor and client"
            + " roles (Keycloak's fine-grained admin permissions); staff log in with a one-time"
            + " code (CLEARPATH_STAFF_OTP=off to not).");
  }

  // ---------------------------------------------------------------- stop

  private void stopAndExit(int status) {
    if (stopping.compareAndSet(false, true)) {
      say("Stopping…");
      shutDown();
      say("Stopped.");
      System.out.flush();
      Runtime.getRuntime().halt(status);
    }
  }

  /** Stops whatever this process started, app first, database last. */
  private void shutDown() {
    stopping.set(true);
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (app != null && app.isRunning()) {
      try {
        app.close();
      } catch (RuntimeException e) {
        say("the app did not stop cleanly: " + e.getMessage());
      }
    }
    if (keycloak != null) {
      keycloak.close();
      delete(dataDir.keycloakPids());
    }
    if (postgres != null) {
      postgres.close();
    }
    if (Processes.readPids(dataDir.launcherPid()).contains(ProcessHandle.current().pid())) {
      delete(dataDir.launcherPid());
    }
  }

  /** The stop command: signals the running launcher and waits; cleans up after a dead one. */
  private boolean stop() {
    var launchers =
        Processes.readPids(dataDir.launcherPid()).stream()
            .filter(pid -> Processes.commandLine(pid).orElse("").contains(MAIN))
            .toList();
    if (launchers.isEmpty()) {
      var cleaned = KeycloakServer.stopLeftovers(dataDir.keycloakPids(), keycloakHome);
      cleaned |= DurablePostgres.stopLeftovers(dataDir.postgres());
      say(cleaned ? "Not running; stopped what an earlier run left behind." : "Not running.");
      return true;
    }
    for (var pid : launchers) {
      say("Stopping Clearpath (" + Processes.describe(pid) + ")…");
      Processes.signal(pid, "TERM");
      if (!Processes.awaitGone(pid, Duration.ofSeconds(120))) {
        say("It did not stop within 2 minutes.");
        return false;
      }
    }
    say("Stopped.");
    return true;
  }

  // ---------------------------------------------------------------- backup and restore

  private void backupCommand() {
    dataDir.create();
    if (!dataDir.hasDatabase()) {
      throw new IllegalStateException("no database in " + dataDir.postgres() + " to back up");
    }
    var running = runningPostgresPort();
    Path zip;
    if (running.isPresent()) {
      zip = Backups.backup(dataDir, running.get(), Instant.now());
    } else {
      say("Starting PostgreSQL for the backup…");
      DurablePostgres.stopLeftovers(dataDir.postgres());
      postgres =
          DurablePostgres.start(
              dataDir.postgres(), FreePort.find(), dataDir.log("postgres"), List.of());
      try {
        zip = Backups.backup(dataDir, postgres.port(), Instant.now());
      } finally {
        postgres.close();
        postgres = null;
      }
    }
    var removed = Backups.prune(dataDir.backups(), ZoneId.systemDefault());
    say("Backup written: " + zip);
    say(
        "SHA-256 beside it: "
            + zip.getFileName()
            + ".sha256"
            + (removed.isEmpty() ? "" : "; removed " + removed.size() + " older"));
  }

  /** The port of this data directory's server, if it is running. */
  private Optional<Integer> runningPostgresPort() {
    try {
      var lines = Files.readAllLines(dataDir.postgres().resolve("postmaster.pid"));
      var pid = Long.parseLong(lines.getFirst().strip());
      if (Processes.alive(pid) && Processes.workingIn(dataDir.postgres()).contains(pid)) {
        return Optional.of(Integer.parseInt(lines.get(3).strip()));
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not running
    }
    return Optional.empty();
  }

  private void restoreCommand(Path zip) {
    say("Restoring " + zip + " into " + dataDir.root() + "…");
    Backups.restore(zip.toAbsolutePath(), dataDir, env("CLEARPATH_MASTER_KEY", ""));
    say(
        "Restored. Start with ./deploy/local-stack.sh (PostgreSQL replays its log on the first start).");
  }

  // ---------------------------------------------------------------- helpers

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (java.io.IOException e) {
      // harmless: a stale pid file is checked before it is trusted
    }
  }

  private static int intEnv(String name, int fallback) {
    var text = env(name, Integer.toString(fallback));
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, not '" + text + "'");
    }
  }

  /**
   * The master key: {@code CLEARPATH_MASTER_KEY} when set (e.g. from a secrets manager), else the
   * install's own in {@code secrets.properties}, made on the first start that needs it. Losing it
   * loses every sealed client record: it is kept with the backups, never in them.
   */
  private static String masterKey(java.util.Properties secrets) {
    var set = env("CLEARPATH_MASTER_KEY", "");
    return set.isBlank() ? secrets.getProperty(DataDir.MASTER_KEY) : set;
  }

  /**
   * Whether staff must give a one-time code at login: {@code CLEARPATH_STAFF_OTP=on|off}, else
   * {@code otherwise}.
   */
  static boolean staffSecondFactor(boolean otherwise) {
    var set = env("CLEARPATH_STAFF_OTP", "").strip();
    return switch (set) {
      case "" -> otherwise;
      case "on" -> true;
      case "off" -> false;
      default ->
          throw new IllegalArgumentException("CLEARPATH_STAFF_OTP is on or off, not '" + set + "'");
    };
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static void say(String line) {
    System.out.println("[local-stack] " + line);
  }
}
