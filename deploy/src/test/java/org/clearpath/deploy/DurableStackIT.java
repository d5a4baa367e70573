package org.clearpath.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local stack as an install, run exactly as the README starts it ({@code
 * deploy/local-stack.sh}, in its own process), and then stopped, killed and restored: users keep
 * their identity, nothing acknowledged is lost, a crashed run leaves nothing in the way, and a
 * backup brings everything back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurableStackIT {
  @RegisterExtension static final Browser browser = new Browser();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FIRST_LOGIN = Pattern.compile("First login: supervisor / (\\S+)");
  private static final String SUPERVISOR_PASSWORD = "Supervisor-Own-Passw0rd";
  private static final String CLIENT_PASSWORD = "Wu-Own-Passw0rd-1";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Path root = Path.of(System.getProperty("clearpath.root", "..")).toAbsolutePath();
  private Path dataDir;
  private int appPort;
  private int keycloakPort;
  private int pgPort;
  private Stack stack;
  private String wusCaseId;
  // the first supervisor's authenticator app
  private final AuthenticatorApp phone = new AuthenticatorApp();
  private final Map<String, Long> startSeconds = new ConcurrentHashMap<>();

  @BeforeAll
  void choosePortsAndDirectory() throws IOException {
    dataDir = Files.createTempDirectory(Path.of("target"), "durable-stack-").toAbsolutePath();
    appPort = FreePort.find();
    keycloakPort = FreePort.find();
    pgPort = FreePort.find();
  }

  @AfterAll
  void stopEverything() {
    browser.close();
    if (stack != null) {
      stack.kill();
    }
    run("stop");
    System.out.println("[durable] start times (s): " + startSeconds);
  }

  // ------------------------------------------------------------------ the tests

  @Test
  @Order(0)
  void a_port_held_by_someone_else_is_named_with_its_process() throws Exception {
    try (var holder =
        new java.net.ServerSocket(appPort, 1, java.net.InetAddress.getLoopbackAddress())) {
      var refused = new CapturingRun(this, "start");
      assertThat(refused.exit).isEqualTo(1);
      assertThat(refused.output)
          .contains("port " + appPort + " is in use by pid " + ProcessHandle.current().pid())
          .contains("CLEARPATH_PORT");
    }
  }

  @Test
  @Order(1)
  void a_first_start_without_demo_makes_one_supervisor_and_runs_postgres_durably()
      throws Exception {
    stack = Stack.start(this, "first");
    var matcher = FIRST_LOGIN.matcher(stack.output());
    assertThat(matcher.find()).as("one-time password printed").isTrue();
    var oneTimePassword = matcher.group(1);
    assertThat(stack.output()).doesNotContain("Demo logins");

    try (var connection = postgres("clearpath");
        var statement = connection.createStatement()) {
      for (var setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
        var rs = statement.executeQuery("show " + setting);
        rs.next();
        assertThat(rs.getString(1)).as(setting).isEqualTo("on");
      }
      var cases = statement.executeQuery("select count(*) from case_file");
      cases.next();
      assertThat(cases.getInt(1)).as("nothing seeded").isZero();
    }
    // the supervisor must choose a new password at the first login, and as staff of an install
    // set up an authenticator app for the one-time code (Keycloak asks for that first)
    var page = logIn("supervisor", oneTimePassword);
    var steps = new java.util.ArrayList<String>();
    for (var step = 0; step < 2; step++) {
      var setUp = page.locator("#kc-totp-secret-qr-code");
      page.locator("#kc-totp-secret-qr-code, #password-new").first().waitFor();
      var gone =
          new com.microsoft.playwright.Locator.WaitForOptions()
              .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED);
      if (setUp.isVisible()) {
        steps.add("authenticator");
        phone.setUp(page, "supervisor");
        setUp.waitFor(gone);
      } else {
        steps.add("password");
        page.locator("#password-new").fill(SUPERVISOR_PASSWORD);
        page.locator("#password-confirm").fill(SUPERVISOR_PASSWORD);
        page.locator("#password-confirm").press("Enter");
        page.locator("#password-new").waitFor(gone);
      }
    }
    assertThat(steps).containsExactlyInAnyOrder("authenticator", "password");
    page.waitForURL(appUrl() + "/");
    assertThat(page.getByTestId("who")).containsText("Supervisor");
    page.context().close();

    assertThat(run("stop")).isZero();
    assertThat(stack.awaitExit()).as("the launcher's exit code after stop").isZero();
  }

  @Test
  @Order(2)
  void restart_keeps_identity_of_staff_and_of_a_portal_login_made_by_the_app() throws Exception {
    stack = Stack.start(this, "demo-first", "--demo");
    var wang = token("counselor.wang", "Counselor-demo-1");
    var opened =
        post(
            wang,
            "/api/cases",
            Map.of("clientName", "吴静", "portalLogin", Map.of("username", "wu.durable")));
    assertThat(opened.status()).isEqualTo(201);
    wusCaseId = opened.json().at("/caseFile/id").asText();
    var temporary = opened.json().path("temporaryPassword").asText();

    var wu = logIn("wu.durable", temporary);
    wu.locator("#password-new").fill(CLIENT_PASSWORD);
    wu.locator("#password-confirm").fill(CLIENT_PASSWORD);
    wu.locator("#password-confirm").press("Enter");
    wu.waitForURL(appUrl() + "/my-case");
    assertThat(wu.getByTestId("case-client-name")).hasText("吴静");
    wu.context().close();

    stack.signal("INT");
    assertThat(stack.awaitExit()).as("exit code after Ctrl-C").isZero();

    stack = Stack.start(this, "demo-again", "--demo");
    var cases = get(token("counselor.wang", "Counselor-demo-1"), "/api/cases");
    assertThat(cases.json().findValuesAsText("id")).contains(wusCaseId);
    var again = logIn("wu.durable", CLIENT_PASSWORD);
    again.waitForURL(appUrl() + "/my-case");
    assertThat(again.getByTestId("case-client-name")).hasText("吴静");
    again.context().close();
    // the first supervisor's own password too (and her authenticator's code: she has one)
    assertThat(token("supervisor", SUPERVISOR_PASSWORD)).isNotBlank();

    // tokens signed by the realm's own key, but not for this API, are refused
    var viaOtherHost = tokenResponse("127.0.0.1", "counselor.wang", "Counselor-demo-1", "openid");
    assertThat(bearerStatus(viaOtherHost.path("access_token").asText()))
        .as("issuer http://127.0.0.1:…, not the configured realm URL")
        .isEqualTo(401);
    var normal = tokenResponse("localhost", "counselor.wang", "Counselor-demo-1", "openid");
    assertThat(bearerStatus(normal.path("access_token").asText())).isEqualTo(200);
    assertThat(bearerStatus(normal.path("id_token").asText())).as("an ID token").isEqualTo(401);
    assertThat(bearerStatus(normal.path("refresh_token").asText()))
        .as("a refresh token")
        .isEqualTo(401);
  }

  private JsonNode tokenResponse(String host, String username, String password, String scope)
      throws Exception {
    var form =
        "grant_type=password&client_id="
            + RealmFiles.DEV_CLI_CLIENT
            + "&scope="
            + scope
            + "&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            // Keycloak's password grant asks for the code of whoever has an authenticator
            + (phone.knows(username) ? "&totp=" + phone.code(username) : "");
    var response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://"
                            + host
                            + ":"
                            + keycloakPort
                            + "/realms/clearpath/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private int bearerStatus(String token) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(appUrl() + "/api/cases"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  @Order(3)
  void killing_every_postgres_process_loses_no_acknowledged_write() throws Exception {
    var writes = new Writes(this);
    writes.runFor(Duration.ofSeconds(15), () -> killPostgres());
    assertThat(stack.awaitExit()).as("the launcher stops when PostgreSQL dies").isNotZero();

    stack = Stack.start(this, "after-postgres-kill", "--demo");
    writes.assertAllPresent("postgres killed");
  }

  @Test
  @Order(4)
  void killing_the_app_loses_nothing_and_the_next_start_needs_no_cleanup() throws Exception {
    var writes = new Writes(this);
    writes.runFor(Duration.ofSeconds(15), () -> stack.kill());
    assertThat(stack.awaitExit()).isNotZero();
    // Keycloak and PostgreSQL are orphans now; the next start deals with them by itself
    stack = Stack.start(this, "after-launcher-kill", "--demo");
    assertThat(stack.output()).contains("left running by an earlier start");
    writes.assertAllPresent("app killed");
  }

  @Test
  @Order(5)
  void a_backup_restored_into_an_empty_data_directory_brings_back_cases_files_and_logins()
      throws Exception {
    var wang = token("counselor.wang", "Counselor-demo-1");
    var files = new ArrayList<JsonNode>();
    for (var c : get(wang, "/api/cases").json()) {
      get(wang, "/api/cases/" + c.path("id").asText() + "/evidence").json().forEach(files::add);
    }
    assertThat(files).as("the demo plan's signed agreement").isNotEmpty();
    var contactsBefore = count("select count(*) from contact_entry");

    var backup = new CapturingRun(this, "backup");
    assertThat(backup.exit).isZero();
    var zipMatcher = Pattern.compile("Backup written: (\\S+\\.zip)").matcher(backup.output);
    assertThat(zipMatcher.find()).as(backup.output).isTrue();
    var zip = Path.of(zipMatcher.group(1));
    var kept = Files.createTempDirectory(Path.of("target"), "kept-backup-").toAbsolutePath();
    Files.copy(zip, kept.resolve(zip.getFileName()));
    Files.copy(
        zip.resolveSibling(zip.getFileName() + ".sha256"),
        kept.resolve(zip.getFileName() + ".sha256"));

    // the backup holds every secret but the master key, which is kept apart
    var masterKey = new java.util.Properties();
    try (var in = Files.newBufferedReader(dataDir.resolve("secrets.properties"))) {
      masterKey.load(in);
    }
    var key = masterKey.getProperty("app.master-key");
    assertThat(key).isNotBlank();
    try (var backedUp = new java.util.zip.ZipFile(zip.toFile())) {
      var secrets =
          new String(
              backedUp.getInputStream(backedUp.getEntry("secrets.properties")).readAllBytes(),
              StandardCharsets.ISO_8859_1);
      assertThat(secrets).contains("app.session-secret").doesNotContain("app.master-key");
    }

    assertThat(run("stop")).isZero();
    stack.awaitExit();
    deleteTree(dataDir);
    assertThat(dataDir).doesNotExist();

    var withoutKey = new CapturingRun(this, "restore", kept.resolve(zip.getFileName()).toString());
    assertThat(withoutKey.exit).isNotZero();
    assertThat(withoutKey.output).contains("CLEARPATH_MASTER_KEY");
    assertThat(dataDir.resolve("postgres")).doesNotExist();
    var restore =
        new CapturingRun(
            this,
            Map.of("CLEARPATH_MASTER_KEY", key),
            "restore",
            kept.resolve(zip.getFileName()).toString());
    assertThat(restore.exit).as(restore.output).isZero();
    stack = Stack.start(this, "restored", "--demo");

    assertThat(count("select count(*) from contact_entry")).isEqualTo(contactsBefore);
    wang = token("counselor.wang", "Counselor-demo-1");
    assertThat(get(wang, "/api/cases").json().findValuesAsText("id")).contains(wusCaseId);
    for (var file : files) {
      var content = getBytes(wang, "/api/evidence/" + file.path("id").asText() + "/content");
      assertThat(content.statusCode()).as("the file passes its hash check").isEqualTo(200);
      assertThat(org.clearpath.domain.evidence.Sha256.of(content.body()))
          .isEqualTo(file.path("sha256").asText());
    }
    var wu = logIn("wu.durable", CLIENT_PASSWORD);
    wu.waitForURL(appUrl() + "/my-case");
    assertThat(wu.getByTestId("case-client-name")).hasText("吴静");
  }

  // ------------------------------------------------------------------ concurrent writers

  /**
   * Eight writers: contacts, repayments and plan payments, each remembering what was answered 2xx.
   */
  private static final class Writes {
    private final DurableStackIT test;
    private final List<String> contactIds = new CopyOnWriteArrayList<>();
    private final List<String> planNotes = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> repaymentsPerDebt = new ConcurrentHashMap<>();
    private final Map<String, Integer> repaymentsBefore = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();

    Writes(DurableStackIT test) {
      this.test = test;
    }

    void runFor(Duration duration, Runnable crash) throws Exception {
      var token = test.token("counselor.wang", "Counselor-demo-1");
      var cases = test.get(token, "/api/cases").json();
      var caseIds = new ArrayList<String>();
      cases.forEach(c -> caseIds.add(c.path("id").asText()));
      var freeDebts = new ArrayList<String>();
      String planId = null;
      String planCase = null;
      for (var caseId : caseIds) {
        for (var debt : test.get(token, "/api/cases/" + caseId + "/debts").json()) {
          if (debt.path("planId").isMissingNode() || debt.path("planId").isNull()) {
            if ("OPEN".equals(debt.path("status").asText())) {
              freeDebts.add(debt.path("id").asText());
            }
          }
        }
        for (var plan : test.get(token, "/api/cases/" + caseId + "/plans").json()) {
          if ("ACTIVE".equals(plan.path("status").asText())) {
            planId = plan.path("id").asText();
            planCase = caseId;
          }
        }
      }
      assertThat(freeDebts).hasSizeGreaterThanOrEqualTo(2);
      assertThat(planId).as("the demo's active plan").isNotNull();
      for (var debt : freeDebts.subList(0, 2)) {
        repaymentsBefore.put(
            debt, test.count("select count(*) from debt_repayment where debt_id = '" + debt + "'"));
        repaymentsPerDebt.put(debt, new AtomicInteger());
      }
      var deadline = System.nanoTime() + duration.toNanos();
      var pool = Executors.newFixedThreadPool(8);
      for (int i = 0; i < 5; i++) {
        var caseId = caseIds.get(i % caseIds.size());
        pool.submit(() -> contacts(token, caseId, deadline));
      }
      for (var debt : freeDebts.subList(0, 2)) {
        pool.submit(() -> repayments(token, debt, deadline));
      }
      var plan = planId;
      var ofCase = planCase;
      pool.submit(() -> planPayments(token, ofCase, plan, deadline));
      // eight writers for 11 s, then the crash while they keep writing
      Thread.sleep(duration.toMillis() - 4_000);
      crash.run();
      pool.shutdown();
      assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    }

    private void contacts(String token, String caseId, long deadline) {
      var now = java.time.LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).minusHours(1);
      while (System.nanoTime() < deadline) {
        try {
          var response =
              test.post(
                  token,
                  "/api/cases/" + caseId + "/contacts",
                  Map.of(
                      "localTime", now.toString(),
                      "zone", "Asia/Shanghai",
                      "direction", "INBOUND",
                      "channel", "PHONE",
                      "contacted", "CLIENT",
                      "summary", "durability " + UUID.randomUUID()));
          if (response.status() == 201) {
            contactIds.add(response.json().path("id").asText());
          }
        } catch (Exception e) {
          failures.incrementAndGet();
          pause();
        }
      }
    }

    private void repayments(String token, String debtId, long deadline) {
      var today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
      versioned(
          deadline,
          () -> versionOfDebt(token, debtId),
          version ->
              test.post(
                  token,
                  "/api/debts/" + debtId + "/repayments",
                  Map.of("paidOn", today, "amount", "0.01", "version", version)),
          answer -> repaymentsPerDebt.get(debtId).incrementAndGet());
    }

    /** An optimistic write in a loop: read the version, write, and on a refusal read again. */
    private void versioned(
        long deadline,
        java.util.concurrent.Callable<Long> readVersion,
        Write write,
        java.util.function.Consumer<Answer> acknowledged) {
      long version = -1;
      while (System.nanoTime() < deadline) {
        try {
          if (version < 0) {
            version = readVersion.call();
          }
          var answer = write.send(version);
          if (answer.status() == 200 || answer.status() == 201) {
            acknowledged.accept(answer);
            version = answer.json().path("version").asLong();
          } else {
            version = -1;
          }
        } catch (Exception e) {
          failures.incrementAndGet();
          version = -1;
          pause();
        }
      }
    }

    private interface Write {
      Answer send(long version) throws Exception;
    }

    private long versionOfDebt(String token, String debtId) throws Exception {
      for (var c : test.get(token, "/api/cases").json()) {
        for (var d : test.get(token, "/api/cases/" + c.path("id").asText() + "/debts").json()) {
          if (debtId.equals(d.path("id").asText())) {
            return d.path("version").asLong();
          }
        }
      }
      throw new IllegalStateException("no debt " + debtId);
    }

    private void planPayments(String token, String caseId, String planId, long deadline) {
      var today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
      var notes = new ConcurrentHashMap<Long, String>();
      versioned(
          deadline,
          () -> {
            for (var p : test.get(token, "/api/cases/" + caseId + "/plans").json()) {
              if (planId.equals(p.path("id").asText())) {
                return p.path("version").asLong();
              }
            }
            throw new IllegalStateException("no plan " + planId);
          },
          version -> {
            var note = "durability " + UUID.randomUUID();
            notes.put(Thread.currentThread().threadId(), note);
            return test.post(
                token,
                "/api/plans/" + planId + "/payments",
                Map.of("paidOn", today, "amount", "0.01", "note", note, "version", version));
          },
          answer -> planNotes.add(notes.get(Thread.currentThread().threadId())));
    }

    void assertAllPresent(String what) throws Exception {
      var acknowledged = contactIds.size() + planNotes.size();
      var present = 0;
      if (!contactIds.isEmpty()) {
        present +=
            test.count(
                "select count(*) from contact_entry where id in ('"
                    + String.join("','", contactIds)
                    + "')");
      }
      if (!planNotes.isEmpty()) {
        present +=
            test.count(
                "select count(*) from plan_payment where note in ('"
                    + String.join("','", planNotes)
                    + "')");
      }
      for (var entry : repaymentsPerDebt.entrySet()) {
        var ack = entry.getValue().get();
        acknowledged += ack;
        var now =
            test.count(
                "select count(*) from debt_repayment where debt_id = '" + entry.getKey() + "'");
        // a write whose answer was lost in the crash may be there too: never fewer than answered
        present += Math.min(ack, now - repaymentsBefore.get(entry.getKey()));
      }
      System.out.printf(
          "[durable] %s: acknowledged %d, present %d (contacts %d, repayments %s, plan payments"
              + " %d; failed requests %d)%n",
          what,
          acknowledged,
          present,
          contactIds.size(),
          repaymentsPerDebt,
          planNotes.size(),
          failures.get());
      assertThat(contactIds.size()).as("contacts written").isGreaterThan(20);
      assertThat(planNotes).as("plan payments written").isNotEmpty();
      assertThat(repaymentsPerDebt.values()).allMatch(n -> n.get() > 0);
      assertThat(present).isEqualTo(acknowledged);
    }

    private static void pause() {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ------------------------------------------------------------------ the stack's process

  /** {@code deploy/local-stack.sh} in its own process, its terminal output collected. */
  private static final class Stack {
    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private Stack(Process process) {
      this.process = process;
      var reader =
          new Thread(
              () -> {
                try (var in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                    System.out.println("[stack] " + line);
                  }
                } catch (IOException e) {
                  // the process ended
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    static Stack start(DurableStackIT test, String label, String... args) {
      var started = System.nanoTime();
      var command = new ArrayList<>(List.of("bash", "deploy/local-stack.sh", "start"));
      command.addAll(List.of(args));
      var stack = new Stack(test.launch(command));
      var deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (!stack.output().contains("Clearpath is running")) {
        if (!stack.process.isAlive()) {
          throw new AssertionError("the stack did not start:\n" + stack.output());
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the stack did not start in 10 minutes:\n" + stack.output());
        }
        sleep(200);
      }
      test.startSeconds.put(label, Duration.ofNanos(System.nanoTime() - started).toSeconds());
      return stack;
    }

    String output() {
      return output.toString();
    }

    void signal(String name) {
      Processes.signal(process.pid(), name);
    }

    void kill() {
      if (process.isAlive()) {
        signal("KILL");
      }
    }

    int awaitExit() throws InterruptedException {
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        throw new AssertionError("the launcher did not end");
      }
      return process.exitValue();
    }
  }

  private static final class CapturingRun {
    final int exit;
    final String output;

    CapturingRun(DurableStackIT test, String... args) throws Exception {
      this(test, Map.of(), args);
    }

    CapturingRun(DurableStackIT test, Map<String, String> env, String... args) throws Exception {
      var command = new ArrayList<>(List.of("bash", "deploy/local-stack.sh"));
      command.addAll(List.of(args));
      var process = test.launch(command, env);
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      exit = process.waitFor();
      System.out.println("[" + args[0] + "] " + output);
    }
  }

  private Process launch(List<String> command) {
    return launch(command, Map.of());
  }

  private Process launch(List<String> command, Map<String, String> extra) {
    // Ctrl-C must reach the launcher as it does from a terminal, even when this test runs in a
    // background job, whose children inherit SIGINT as ignored (and a JVM then keeps ignoring it)
    var withSignals = new ArrayList<>(List.of("env", "--default-signal=INT"));
    withSignals.addAll(command);
    var builder =
        new ProcessBuilder(withSignals).directory(root.toFile()).redirectErrorStream(true);
    var env = builder.environment();
    env.put("CLEARPATH_SKIP_BUILD", "1");
    env.put("CLEARPATH_DATA_DIR", dataDir.toString());
    env.put("CLEARPATH_PORT", Integer.toString(appPort));
    env.put("CLEARPATH_KEYCLOAK_PORT", Integer.toString(keycloakPort));
    env.put("CLEARPATH_PG_PORT", Integer.toString(pgPort));
    env.remove("CLEARPATH_DB_URL");
    env.remove("CLEARPATH_MASTER_KEY");
    env.putAll(extra);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private int run(String... args) {
    try {
      return new CapturingRun(this, args).exit;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ helpers

  private String appUrl() {
    return "http://localhost:" + appPort;
  }

  private void killPostgres() {
    var pids = Processes.workingIn(dataDir.resolve("postgres"));
    assertThat(pids).as("PostgreSQL processes").isNotEmpty();
    pids.forEach(pid -> Processes.signal(pid, "KILL"));
    System.out.println("[durable] killed " + pids.size() + " PostgreSQL processes with SIGKILL");
  }

  private java.sql.Connection postgres(String database) throws java.sql.SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database, "postgres", "postgres");
  }

  int count(String sql) throws java.sql.SQLException {
    try (var connection = postgres("clearpath");
        var statement = connection.createStatement();
        var rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Page logIn(String username, String password) {
    return browser.logIn(appUrl(), "http://localhost:" + keycloakPort, username, password);
  }

  /** A Bearer token from the realm's dev command-line client (password grant). */
  String token(String username, String password) throws Exception {
    return tokenResponse("localhost", username, password, "profile").path("access_token").asText();
  }

  record Answer(int status, JsonNode json) {}

  Answer get(String token, String path) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(appUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  HttpResponse<byte[]> getBytes(String token, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(appUrl() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  Answer post(String token, String path, Object body) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(appUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var text = response.body();
    return new Answer(
        response.statusCode(), text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
