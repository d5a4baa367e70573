package org.clearpath.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Benchmark, not a test: the whole stack (PostgreSQL 17, Keycloak 26, the app) on an office of
 * 100,000 cases, 300,000 debts and 2,000,000 contact entries, driven by {@link LoadGenerator} at 50
 * concurrent users with Bearer tokens from Keycloak's password grant (the dev CLI client). Each
 * endpoint behind the case workspace and the caseload runs alone for a fixed time; where the
 * endpoint's SQL is one or two statements, the same SQL then runs straight over JDBC at the same
 * concurrency, and the table gives the ratio. A mixed phase (reads of the workspace and the
 * caseload, searches, and contacts being logged) ends it. Run it with
 *
 * <pre>
 * ./mvnw -B -pl deploy -am verify -Dit.test=LoadBenchmarkIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dtest.excludedGroups= \
 *     [-Dbench.cases=100000] [-Dbench.users=50] [-Dbench.seconds=8] [-Dbench.warmup=60] \
 *     [-Dbench.only=case,search]
 * </pre>
 *
 * The table is printed on standard output (lines starting with BENCHMARK) and kept in {@code
 * deploy/target/failsafe-reports/org.clearpath.deploy.LoadBenchmarkIT-output.txt}.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadBenchmarkIT {
  private static final int CASES = Integer.getInteger("bench.cases", 100_000);
  private static final int USERS = Integer.getInteger("bench.users", 50);
  private static final Duration MEASURED =
      Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
  private static final Duration WARM_UP = Duration.ofSeconds(3);
  // the JIT needs about a minute on 2 cores, shared by the app, PostgreSQL and the load generator,
  // before the figures settle: measured before that, the first phases ran at a third of the rate
  private static final Duration FIRST_WARM_UP =
      Duration.ofSeconds(Integer.getInteger("bench.warmup", 60));
  // what the case workspace asks for when a counselor opens one of their cases
  private static final List<String> WORKSPACE =
      List.of(
          "",
          "/stages",
          "/debts",
          "/contacts",
          "/flags",
          "/findings",
          "/complaints",
          "/plans",
          "/plans/affordability",
          "/budget",
          "/legal-milestones",
          "/incidents",
          "/evidence",
          "/checklist",
          "/audit",
          "/record",
          "/calendar");
  // the caseload's first page as the UI asks for it
  private static final String FIRST_PAGE = "/api/cases?sort=-opened&page=0&size=50";
  // -Dbench.only=case,search runs only the phases whose names contain one of these
  private static final List<String> ONLY =
      List.of(System.getProperty("bench.only", "").split(",")).stream()
          .map(String::strip)
          .filter(only -> !only.isEmpty())
          .toList();
  // the counselor logged in is one of 50: 2,000 cases of 100,000
  private static final int COUNSELORS = 50;
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力永志国荣春梅海波宇鹏飞斌雪琳晶慧佳俊浩然欣怡子轩梓涵";

  private final ObjectMapper json = new ObjectMapper();
  private final List<String[]> table = new ArrayList<>();
  private E2eStack stack;
  // the app under load, in a JVM of its own as the launcher runs it
  private AppProcess app;
  private String counselorId;
  private UUID[] counselorsCases;
  // the same cases as text, for wrk's paths
  private List<String> cases;
  // names, parts of names, phones and ID numbers of the office, URL-encoded
  private List<String> searches;
  private Tokens counselor;
  private Tokens supervisor;

  @BeforeAll
  void startTheStackOnAnOffice() throws Exception {
    Wrk.ensureInstalled();
    stack = E2eStack.start();
    counselor = new Tokens("counselor.wang", "Counselor-demo-1");
    supervisor = new Tokens("supervisor.zhao", "Supervisor-demo-1");
    counselorId = subject(stack.accessToken("counselor.wang", "Counselor-demo-1"));
    var started = System.nanoTime();
    generate();
    print("data: " + CASES + " cases, 3 debts and 20 contacts each", since(started), "ms");
    try (var connection = connect();
        var statement = connection.createStatement()) {
      var ids = new ArrayList<UUID>();
      try (var result =
          statement.executeQuery(
              "select id from case_file where counselor_id = '" + counselorId + "'")) {
        while (result.next()) {
          ids.add(result.getObject(1, UUID.class));
        }
      }
      counselorsCases = ids.toArray(UUID[]::new);
      cases = ids.stream().map(UUID::toString).toList();
      var texts = new ArrayList<String>();
      try (var result =
          statement.executeQuery(
              "select client_name, phone, id_number from case_file order by random() limit 300")) {
        while (result.next()) {
          texts.add(result.getString(1));
          texts.add(result.getString(1).substring(1));
          texts.add(result.getString(2));
          texts.add(result.getString(3));
        }
      }
      searches =
          texts.stream().map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8)).toList();
    }
    // with its garbage collections logged beside the report
    // and with -Dbench.app-options="..." (JVM options or settings to try, e.g.
    // -Ddatasources.default.maximum-pool-size=20)
    var options = new ArrayList<String>();
    // its metrics, to see when the jobs it runs at its start are done
    options.add("-Dclearpath.metrics.token=" + METRICS_TOKEN);
    options.add(
        "-Xlog:gc:file="
            + java.nio.file.Path.of("target/failsafe-reports/load-benchmark-app-gc.log")
                .toAbsolutePath());
    for (var option : System.getProperty("bench.app-options", "").strip().split("\\s+")) {
      if (!option.isEmpty()) {
        options.add(option);
      }
    }
    // at its first start the app judges every case's log for the findings it keeps (V33), in
    // the background (with the stack's own instance, which starts on the data too): measured from
    // the start until none is due, before any endpoint is
    var judging = System.nanoTime();
    app = AppProcess.start(stack, options);
    print("app started in its own JVM (deploy/jvm.options)", app.startedInMillis, "ms");
    try (var connection = connect();
        var s = connection.createStatement()) {
      while (true) {
        // (and not before the app has marked them due)
        try (var rows =
            s.executeQuery(
                "select (select count(*) from finding_due)"
                    + " + (select count(*) from finding_rules where fingerprint = '')")) {
          rows.next();
          if (rows.getLong(1) == 0) {
            break;
          }
        }
        Thread.sleep(200);
      }
    }
    print("from the start until every case's findings are judged", since(judging), "ms");
    // the stage job runs at each start, over every case (on this data most change stage: minutes
    // on 2 cores): measured before it ends, the first endpoints shared the machine with it
    var staging = System.nanoTime();
    awaitJob("stage");
    print("from then until the start's stage job is done", since(staging), "ms");
  }

  private static final String METRICS_TOKEN = "load-benchmark-" + UUID.randomUUID();

  /** Waits until the app's metrics show a run of {@code job} done (its duration counted). */
  private void awaitJob(String job) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var request =
        java.net.http.HttpRequest.newBuilder(URI.create(app.url + "/metrics"))
            .header("Authorization", "Bearer " + METRICS_TOKEN)
            .build();
    var done =
        java.util.regex.Pattern.compile(
            "(?m)^clearpath_job_duration_seconds_count\\{[^}]*job=\"" + job + "\"[^}]*} [1-9]");
    var deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      var metrics = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      if (metrics.statusCode() == 200 && done.matcher(metrics.body()).find()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the app's " + job + " job did not end in 10 minutes");
  }

  @AfterAll
  void stop() throws Exception {
    printTable();
    // -Dbench.hold-minutes=N: the stack stays up N minutes for a look at its database
    var hold = Integer.getInteger("bench.hold-minutes", 0);
    if (hold > 0 && stack != null) {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target", "bench-database.txt"),
          String.join(
              "\n",
              stack.database.jdbcUrl(),
              stack.database.username(),
              stack.database.password()));
      Thread.sleep(java.time.Duration.ofMinutes(hold));
    }
    if (app != null) {
      try {
        app.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void each_endpoint_alone_then_a_mix() throws Exception {
    var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    // the JIT compiles the app's paths first: the mix and every part of the workspace, not
    // measured,
    // in runs of at most two minutes (an access token lives five)
    var warmUpLeft = FIRST_WARM_UP;
    while (warmUpLeft.isPositive()) {
      var run =
          warmUpLeft.compareTo(Duration.ofMinutes(2)) > 0 ? Duration.ofMinutes(2) : warmUpLeft;
      var requests = new ArrayList<Wrk.Request>();
      for (var operation : mix()) {
        requests.add(operation.request());
      }
      for (var part : WORKSPACE) {
        requests.add(Wrk.Request.get(1, "/api/cases/", cases, part, counselor.current()));
      }
      Wrk.run("warm-up", URI.create(app.url), USERS, run, requests);
      warmUpLeft = warmUpLeft.minus(run);
    }

    // the case workspace, one part at a time
    for (var part : WORKSPACE) {
      var name = "case" + (part.isEmpty() ? " page" : part);
      var raw =
          switch (part) {
            // the case with its wrapped data key, as the app reads it (V31)
            case "" ->
                "select c.*, k.master_key_id, k.wrapped from case_file c left join case_key k on"
                    + " k.case_id = c.id where c.id = ?";
            case "/contacts" ->
                "select id, case_id, occurred_at, client_zone, lender_id, debt_id, agency,"
                    + " collector_name, collector_number, direction, channel, contacted,"
                    + " contacted_number, conversation, summary, outcome, follow_up, corrects,"
                    + " correction_reason, recorded_by, recorded_by_name, recorded_at from"
                    + " contact_entry where case_id = ? order by seq";
            case "/debts" ->
                "select d.id, d.case_id, d.product, d.currency, d.principal, d.interest,"
                    + " d.penalty_interest, d.fees, d.status, d.version, l.id, l.name, l.kind,"
                    + " (select json_agg(u order by u.due_date) from debt_due u where u.debt_id ="
                    + " d.id) from debt d join lender l on l.id = d.lender_id where d.case_id = ?"
                    + " order by l.name, d.id";
            default -> null;
          };
      compare(
          name,
          () -> Wrk.Request.get(1, "/api/cases/", cases, part, counselor.current()),
          raw == null ? null : statement -> byCase(statement, raw));
    }

    // what a request costs the app with no SQL at all: the floor under every ratio below
    compare(
        "no SQL: who am I (/api/me)",
        () -> Wrk.Request.get(1, "/api/me", counselor.current()),
        null);

    var pageSql =
        "select c.* from case_file c where c.counselor_id = ? order by c.opened_at desc, c.id"
            + " limit 50";
    // the counts the database keeps (V12), as the app reads them
    var countSql = "select coalesce(sum(c.cases), 0) from case_count c where c.counselor_id = ?";
    compare(
        "caseload: counselor's first page",
        () -> Wrk.Request.get(1, FIRST_PAGE, counselor.current()),
        statement -> twoStatements(statement, pageSql, countSql, counselorId));
    compare(
        "caseload: supervisor's first page",
        () -> Wrk.Request.get(1, FIRST_PAGE, supervisor.current()),
        statement ->
            twoStatements(
                statement,
                "select c.* from case_file c order by c.opened_at desc, c.id limit 50",
                "select coalesce(sum(c.cases), 0) from case_count c",
                null));
    compare(
        "search by name, phone or ID number (supervisor)",
        () -> Wrk.Request.get(1, FIRST_PAGE + "&q=", searches, "", supervisor.current()),
        null);
    compare(
        "my day (counselor)",
        () -> Wrk.Request.get(1, "/api/my-day?quietDays=14", counselor.current()),
        null);
    compare(
        "cases that entered Late in 60 days (supervisor)",
        () ->
            Wrk.Request.get(
                1,
                "/api/stages/entered?stage=LATE&from=" + today.minusDays(59) + "&to=" + today,
                supervisor.current()),
        null);
    compare(
        "log a contact (counselor)",
        () ->
            Wrk.Request.post(1, "/api/cases/", cases, "/contacts", counselor.current(), aContact()),
        null);

    // the mix: a counselor's day in the workspace and the caseload, with contacts logged; each
    // operation has its share of the users, on a wrk process of its own, all at once
    var operations = mix();
    var totalWeight = operations.stream().mapToInt(operation -> operation.request().weight()).sum();
    var users = new int[operations.size()];
    var given = 0;
    for (int i = 0; i < users.length; i++) {
      users[i] = Math.max(1, USERS * operations.get(i).request().weight() / totalWeight);
      given += users[i];
    }
    for (int i = 0; given < USERS; i = (i + 1) % users.length, given++) {
      users[i]++;
    }
    var running = new ArrayList<Wrk.Running>();
    for (int i = 0; i < users.length; i++) {
      var operation = operations.get(i);
      running.add(
          Wrk.start(
              operation.name() + " (" + users[i] + " users)",
              URI.create(app.url),
              users[i],
              MEASURED.multipliedBy(2),
              List.of(operation.request())));
    }
    for (var run : running) {
      var figures = run.await();
      if (wanted(figures.name())) {
        row(figures, null);
      }
    }
    memory("after the mix");
  }

  /** The app's memory, as its process holds it. */
  private void memory(String when) throws java.io.IOException {
    print("app process RSS " + when, app.statusMegabytes("VmRSS"), "MB");
    print("app process peak RSS " + when, app.statusMegabytes("VmHWM"), "MB");
  }

  /** An operation of the mix; its request's weight is its share of the users. */
  private record MixOperation(String name, Wrk.Request request) {}

  /**
   * A counselor's day in the workspace and the caseload, a supervisor searching, contacts logged;
   * with the tokens as they are now.
   */
  private List<MixOperation> mix() throws Exception {
    var c = counselor.current();
    return List.of(
        new MixOperation("mix: case page", Wrk.Request.get(4, "/api/cases/", cases, "", c)),
        new MixOperation("mix: contacts", Wrk.Request.get(4, "/api/cases/", cases, "/contacts", c)),
        new MixOperation("mix: debts", Wrk.Request.get(4, "/api/cases/", cases, "/debts", c)),
        new MixOperation("mix: caseload first page", Wrk.Request.get(2, FIRST_PAGE, c)),
        new MixOperation(
            "mix: search",
            Wrk.Request.get(1, FIRST_PAGE + "&q=", searches, "", supervisor.current())),
        new MixOperation(
            "mix: log a contact",
            Wrk.Request.post(1, "/api/cases/", cases, "/contacts", c, aContact())));
  }

  @FunctionalInterface
  private interface RequestNow {
    Wrk.Request with() throws Exception;
  }

  /**
   * The endpoint alone (wrk, after a short warm-up of its own), then (if given) its SQL straight
   * over JDBC, at the same concurrency.
   */
  private void compare(String name, RequestNow request, RawCall raw) throws Exception {
    if (!wanted(name)) {
      return;
    }
    Wrk.run(name, URI.create(app.url), USERS, WARM_UP, List.of(request.with()));
    var waits = WAITS ? new Waits(name) : null;
    var measured = Wrk.run(name, URI.create(app.url), USERS, MEASURED, List.of(request.with()));
    if (waits != null) {
      waits.close();
    }
    LoadGenerator.Figures sql = null;
    if (raw != null) {
      var connections = new ArrayList<Connection>();
      try {
        for (int i = 0; i < USERS; i++) {
          connections.add(connect());
        }
        sql =
            LoadGenerator.run(
                    USERS,
                    WARM_UP,
                    MEASURED,
                    user -> {
                      var connection = connections.get(user);
                      var statements = new LinkedHashMap<String, PreparedStatement>();
                      return List.of(
                          new LoadGenerator.Operation(
                              name,
                              1,
                              r ->
                                  raw.once(
                                      sqlText ->
                                          statements.computeIfAbsent(
                                              sqlText, text -> prepare(connection, text)))));
                    })
                .get(name);
      } finally {
        for (var connection : connections) {
          connection.close();
        }
      }
    }
    row(measured, sql);
  }

  // -Dbench.waits=true: what PostgreSQL's busy sessions wait for during each endpoint's run
  private static final boolean WAITS = Boolean.getBoolean("bench.waits");

  /**
   * Samples {@code pg_stat_activity} every 10 ms while an endpoint runs, and prints how often the
   * busy sessions were waiting for what (a lock, the WAL, the client, nothing: on the CPU), with
   * the statement.
   */
  private final class Waits implements AutoCloseable {
    private final String name;
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> seen =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private int samples;

    Waits(String name) throws Exception {
      this.name = name;
      var connection = connect();
      sampler =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (connection;
                        var statement =
                            connection.prepareStatement(
                                "select coalesce(wait_event_type || ':' || wait_event, 'CPU'),"
                                    + " left(regexp_replace(query, '\\s+', ' ', 'g'), 70)"
                                    + " from pg_stat_activity where state = 'active'"
                                    + " and pid <> pg_backend_pid() and backend_type ="
                                    + " 'client backend'")) {
                      while (running) {
                        try (var rows = statement.executeQuery()) {
                          while (rows.next()) {
                            seen.merge(
                                rows.getString(1) + " | " + rows.getString(2), 1, Integer::sum);
                          }
                        }
                        samples++;
                        Thread.sleep(10);
                      }
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      sampler.join();
      var total = seen.values().stream().mapToInt(Integer::intValue).sum();
      seen.entrySet().stream()
          .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(12)
          .forEach(
              e ->
                  System.out.printf(
                      "WAITS %s | %.2f busy sessions on average (%d%% of busy) | %s%n",
                      name,
                      (double) e.getValue() / samples,
                      100 * e.getValue() / Math.max(1, total),
                      e.getKey()));
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql) {
    try {
      return connection.prepareStatement(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @FunctionalInterface
  private interface RawCall {
    boolean once(java.util.function.Function<String, PreparedStatement> prepared) throws Exception;
  }

  private boolean byCase(
      java.util.function.Function<String, PreparedStatement> prepared, String sql)
      throws Exception {
    var statement = prepared.apply(sql);
    statement.setObject(1, aCase(ThreadLocalRandom.current()));
    return readAll(statement);
  }

  private static boolean twoStatements(
      java.util.function.Function<String, PreparedStatement> prepared,
      String page,
      String count,
      String parameter)
      throws Exception {
    var first = prepared.apply(page);
    var second = prepared.apply(count);
    if (parameter != null) {
      first.setString(1, parameter);
      second.setString(1, parameter);
    }
    return readAll(first) && readAll(second);
  }

  /** Reads every column of every row, as the app's mapping does. */
  private static boolean readAll(PreparedStatement statement) throws Exception {
    try (var result = statement.executeQuery()) {
      var columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        for (int i = 1; i <= columns; i++) {
          result.getObject(i);
        }
      }
    }
    return true;
  }

  private static boolean wanted(String phase) {
    return ONLY.isEmpty() || ONLY.stream().anyMatch(phase::contains);
  }

  private UUID aCase(ThreadLocalRandom random) {
    return counselorsCases[random.nextInt(counselorsCases.length)];
  }

  private String aContact() {
    // a collector's call yesterday in the daytime: at whatever hour the benchmark runs, the same
    // work (logged at night, every one would be a quiet-hours finding for the job to keep)
    var at =
        LocalDate.now(ZoneId.of("Asia/Shanghai"))
            .minusDays(1)
            .atTime(9, 0)
            .plusMinutes(ThreadLocalRandom.current().nextInt(9 * 60));
    return "{\"localTime\":\""
        + at
        + "\",\"zone\":\"Asia/Shanghai\",\"direction\":\"INBOUND\",\"channel\":\"PHONE\","
        + "\"contacted\":\"CLIENT\",\"conversation\":true,\"summary\":\"客户来电询问还款计划\"}";
  }

  /** A user's access token, fetched again a minute before it expires (after 5 minutes). */
  private final class Tokens {
    private final String username;
    private final String password;
    private String token;
    private long fetchedAt;

    Tokens(String username, String password) {
      this.username = username;
      this.password = password;
    }

    synchronized String current() throws Exception {
      if (token == null || System.nanoTime() - fetchedAt > Duration.ofMinutes(4).toNanos()) {
        token = stack.accessToken(username, password);
        fetchedAt = System.nanoTime();
      }
      return token;
    }
  }

  private String subject(String token) throws Exception {
    var payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
    return json.readTree(payload).get("sub").asText();
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(
        stack.database.jdbcUrl(), stack.database.username(), stack.database.password());
  }

  /** The office: cases with Chinese names, phones and ID numbers, 3 debts and 20 contacts each. */
  private void generate() throws Exception {
    try (var connection = connect();
        var s = connection.createStatement()) {
      // the generated rows are the office's history: no trigger needs to run for them
      s.execute("set session_replication_role = replica");
      s.execute(
          "insert into lender (id, name, kind) select gen_random_uuid(), '贷款机构' || i,"
              + " 'ONLINE_PLATFORM' from generate_series(1, 200) i");
      var surnames = SURNAMES.length();
      var given = GIVEN.length();
      s.execute(
          "insert into case_file (id, client_name, counselor_id, counselor_name, status, stage,"
              + " opened_at, phone, id_number, version) select gen_random_uuid(),"
              + " substr('"
              + SURNAMES
              + "', 1 + i % "
              + surnames
              + ", 1) || substr('"
              + GIVEN
              + "', 1 + (i / "
              + surnames
              + ") % "
              + given
              + ", 1) || case when i % 4 = 0 then '' else substr('"
              + GIVEN
              + "', 1 + (i / "
              + (surnames * given)
              + ") % "
              + given
              + ", 1) end, case when i % "
              + COUNSELORS
              + " = 0 then '"
              + counselorId
              + "' else 'counselor-' || (i % "
              + COUNSELORS
              + ") end, 'counselor', 'OPEN', (array['CURRENT','EARLY','MID','LATE','LEGAL'])[1 +"
              + " i % 5], now() - (i || ' minutes')::interval, '138' || lpad(i::text, 8, '0'),"
              + " '110105' || lpad(i::text, 11, '0') || 'X', 0 from generate_series(1, "
              + CASES
              + ") i");
      s.execute(
          "insert into stage_period (case_id, stage, started_on, reason) select id, stage,"
              + " current_date - (abs(hashtext(id::text)) % 200), 'benchmark' from case_file");
      s.execute(
          "insert into debt (id, case_id, lender_id, currency, principal, interest,"
              + " penalty_interest, fees, status) select gen_random_uuid(), c.id, (select id from"
              + " lender order by id offset (abs(hashtext(c.id::text || k)) % 200) limit 1), 'CNY',"
              + " 10000, 100, 50, 0, 'OPEN' from case_file c cross join generate_series(1, 3) k");
      s.execute(
          "insert into debt_due (debt_id, due_date, amount) select d.id, current_date - 200 + k *"
              + " 30, 1200.00 from debt d cross join generate_series(0, 5) k");
      // collectors' calls in the daytime (9:00 to 18:00 in Shanghai), every third day back from
      // yesterday: the same data, and findings, at whatever hour the benchmark runs
      s.execute(
          "insert into contact_entry (id, case_id, occurred_at, client_zone, direction, channel,"
              + " contacted, summary, follow_up, recorded_by, recorded_by_name, recorded_at)"
              + " select gen_random_uuid(), c.id, t.at, 'Asia/Shanghai', 'INBOUND', 'PHONE',"
              + " 'CLIENT', '催收电话，称将联系家人', case when k % 10 = 0 then t.at::date + 7 end,"
              + " 'counselor', 'counselor', t.at from case_file c cross join generate_series(0, 19)"
              + " k cross join lateral (select ((now() at time zone 'Asia/Shanghai')::date - (k * 3"
              + " + abs(hashtext(c.id::text)) % 3 + 1) + time '09:00' + (abs(hashtext(c.id::text"
              + " || k)) % 540) * interval '1 minute') at time zone 'Asia/Shanghai' as at) t");
      // each case's latest contact and follow-up, beside it (V10, V17, V44)
      s.execute(
          "insert into case_latest (case_id, counselor_id, client_name, status, opened_at,"
              + " last_contact_at, follow_up_on, follow_up_channel) select c.id, c.counselor_id,"
              + " c.client_name, c.status, c.opened_at, l.occurred_at, l.follow_up, case when"
              + " l.follow_up is not null then l.channel end from case_file c left join lateral"
              + " (select e.occurred_at, e.follow_up, e.channel from contact_entry e where"
              + " e.case_id = c.id order by e.occurred_at desc, e.seq desc limit 1) l on true");
      // what the skipped triggers keep: the counts per counselor, stage and status (V12)
      s.execute("delete from case_count");
      s.execute(
          "insert into case_count (counselor_id, counselor_name, stage, status, cases) select"
              + " counselor_id, counselor_name, stage, status, count(*) from case_file group by 1,"
              + " 2, 3, 4");
      s.execute("set session_replication_role = origin");
      s.execute("vacuum analyze");
      // the load's dirty pages are written now, not by the timed checkpoint five minutes later,
      // in the middle of a measured phase
      s.execute("checkpoint");
    }
  }

  private void row(Wrk.Figures app, LoadGenerator.Figures sql) {
    var line =
        new String[] {
          app.name(),
          String.format("%,.0f", app.perSecond()),
          String.format("%.1f", app.p50()),
          String.format("%.1f", app.p95()),
          String.format("%.1f", app.p99()),
          String.valueOf(app.errors()),
          sql == null ? "" : String.format("%,.0f", sql.perSecond()),
          sql == null ? "" : String.format("%.1f", sql.percentileMillis(99)),
          sql == null ? "" : String.format("%.0f %%", 100 * app.perSecond() / sql.perSecond())
        };
    table.add(line);
    System.out.println("BENCHMARK " + String.join(" | ", line));
  }

  private void printTable() {
    System.out.println();
    System.out.printf(
        "BENCHMARK %d cases, %d users, %d s per endpoint (after %d s warm-up; %d s of every"
            + " endpoint first)%n",
        CASES, USERS, MEASURED.toSeconds(), WARM_UP.toSeconds(), FIRST_WARM_UP.toSeconds());
    System.out.println(
        "BENCHMARK | what | app req/s | p50 ms | p95 ms | p99 ms | errors | same SQL tps | SQL p99"
            + " ms | app/SQL |");
    System.out.println("BENCHMARK | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (var line : table) {
      System.out.println("BENCHMARK | " + String.join(" | ", line) + " |");
    }
  }

  private static void print(String what, double value, String unit) {
    System.out.printf("BENCHMARK %-58s %9.1f %s%n", what, value, unit);
  }

  private static double since(long started) {
    return (System.nanoTime() - started) / 1e6;
  }
}
