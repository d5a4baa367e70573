package org.clearpath.persistence.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.CaseStatus;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.ClientRecord;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * After a case is erased, none of its personal values is left anywhere in the database (every
 * column of every row of every table, read as text), while another case's are all still there and
 * the erased case's structure (its entries, payments, flags) stays; the app's runtime login can
 * empty those columns only for an erased case, and change nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasedCasesTest {
  private final TestPostgres.Database db = TestPostgres.freshDatabaseWithRoles();
  private ApplicationContext app;

  @BeforeAll
  void start() {
    app = ApplicationContext.run(new java.util.HashMap<String, Object>(db.micronautProperties()));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private Connection superuser() throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
  }

  private Connection runtime() throws SQLException {
    var login = db.roles().runtime();
    return DriverManager.getConnection(db.jdbcUrl(), login.user(), login.password());
  }

  /** A case whose every personal value holds {@code tag}; its values, to look for later. */
  private List<String> aCaseWithEverything(CaseId id, String tag) throws Exception {
    var values = new ArrayList<String>();
    var name = "客户" + tag;
    // the tag: a Chinese character and six hex digits; the identifiers take the digits
    var ascii = tag.substring(1);
    var phone = "139" + String.format("%08d", Long.parseLong(ascii, 16) % 100_000_000);
    values.add(name);
    app.getBean(JdbcCaseFiles.class)
        .add(
            new CaseFile(
                id,
                new ClientName(name),
                new UserId("counselor-" + tag),
                "王咨询师",
                new UserId("login-" + tag),
                new ClientRecord(
                    "+86 " + phone, ascii + "@example.org", "ID" + ascii, "家中情况" + tag, null, null),
                CaseStatus.OPEN,
                "状态原因" + tag,
                org.clearpath.domain.shared.Stage.CURRENT,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                0));
    values.add("login-" + tag);
    values.add("状态原因" + tag);
    var c = "'" + id.value() + "'";
    var plan = UUID.randomUUID();
    var debt = UUID.randomUUID();
    var file = UUID.randomUUID();
    var legacyFile = UUID.randomUUID();
    var entry = UUID.randomUUID();
    var lender = UUID.randomUUID();
    try (var connection = superuser();
        var s = connection.createStatement()) {
      s.execute(
          "insert into lender (id, name, kind) values ('" + lender + "', '贷" + tag + "', 'OTHER')");
      s.execute(
          "insert into contact_entry (id, case_id, occurred_at, client_zone, direction, channel,"
              + " contacted, contacted_number, summary, recorded_by, recorded_by_name,"
              + " recorded_at) values ('"
              + entry
              + "', "
              + c
              + ", now(), 'Asia/Shanghai', 'INBOUND', 'PHONE', 'FAMILY', '号码"
              + tag
              + "', '摘要"
              + tag
              + "', 'u', 'wang', now())");
      s.execute(
          "insert into contact_entry (id, case_id, occurred_at, client_zone, direction, channel,"
              + " contacted, summary, corrects, correction_reason, recorded_by, recorded_by_name,"
              + " recorded_at) values (gen_random_uuid(), "
              + c
              + ", now(), 'Asia/Shanghai', 'INBOUND', 'PHONE', 'CLIENT', '更正摘要"
              + tag
              + "', '"
              + entry
              + "', '更正原因"
              + tag
              + "', 'u', 'wang', now())");
      values.addAll(List.of("号码" + tag, "摘要" + tag, "更正摘要" + tag, "更正原因" + tag));
      for (var f : List.of(file, legacyFile)) {
        s.execute(
            "insert into evidence_file (id, case_id, file_name, media_type, size_bytes, sha256,"
                + " description, source, uploaded_by, uploaded_by_name, uploaded_at) values ('"
                + f
                + "', "
                + c
                + ", '截图"
                + tag
                + ".png', 'image/png', 10, repeat('0', 64), '说明"
                + tag
                + "', 'STAFF', 'u', 'wang', now())");
      }
      s.execute(
          "insert into evidence_chunk (file_id, n, bytes) values ('"
              + file
              + "', 0, convert_to('证据内容"
              + tag
              + "', 'UTF8'))");
      s.execute(
          "insert into evidence_chunk (file_id, n, bytes) values ('"
              + legacyFile
              + "', 0, convert_to('旧证据"
              + tag
              + "', 'UTF8'))");
      values.addAll(List.of("截图" + tag, "说明" + tag, "证据内容" + tag, "旧证据" + tag));
      s.execute(
          "insert into budget (case_id, version, currency, note, recorded_by, recorded_by_name,"
              + " recorded_at) values ("
              + c
              + ", 1, 'CNY', '预算备注"
              + tag
              + "', 'u', 'wang', now())");
      s.execute(
          "insert into budget_line (case_id, version, section, position, kind, label, amount)"
              + " values ("
              + c
              + ", 1, 'INCOME', 0, 'SALARY', '收入项"
              + tag
              + "', 5000)");
      values.addAll(List.of("预算备注" + tag, "收入项" + tag));
      s.execute(
          "insert into debt (id, case_id, lender_id, currency, principal, interest,"
              + " penalty_interest, fees, product) values ('"
              + debt
              + "', "
              + c
              + ", '"
              + lender
              + "', 'CNY', 1000, 0, 0, 0, '产品"
              + tag
              + "')");
      s.execute(
          "insert into plan (id, case_id, kind, currency, agreed_total, terms, status,"
              + " status_reason, created_by, created_by_name, created_at) values ('"
              + plan
              + "', "
              + c
              + ", 'INSTALMENTS', 'CNY', 900, '条款"
              + tag
              + "', 'PROPOSED', '计划原因"
              + tag
              + "', 'u', 'wang', now())");
      s.execute(
          "insert into plan_debt (plan_id, position, debt_id, label, outstanding, share) values"
              + " ('"
              + plan
              + "', 0, '"
              + debt
              + "', '计划债务"
              + tag
              + "', 1000, 900)");
      s.execute(
          "insert into plan_payment (id, plan_id, paid_on, amount, note, recorded_by,"
              + " recorded_by_name, recorded_at) values (gen_random_uuid(), '"
              + plan
              + "', current_date, 100, '付款备注"
              + tag
              + "', 'u', 'wang', now())");
      s.execute(
          "insert into plan_approval (plan_id, status, why_code, why_params, note,"
              + " requested_at) values ('"
              + plan
              + "', 'PENDING', 'plan.large', jsonb_build_object('who', '审批参数"
              + tag
              + "'), '审批备注"
              + tag
              + "', now())");
      values.addAll(
          List.of(
              "产品" + tag,
              "条款" + tag,
              "计划原因" + tag,
              "计划债务" + tag,
              "付款备注" + tag,
              "审批参数" + tag,
              "审批备注" + tag));
      s.execute(
          "insert into case_review (id, case_id, reviewed_at, by_id, by_name, checked, note,"
              + " actions) values (gen_random_uuid(), "
              + c
              + ", now(), 'u', 'zhao', '{}', '复核备注"
              + tag
              + "', jsonb_build_array('复核行动"
              + tag
              + "'))");
      s.execute(
          "insert into wellbeing_check (id, case_id, occasion, stress, sleep, shame, self_harm,"
              + " note, at, by_id, by_name) values (gen_random_uuid(), "
              + c
              + ", 'INTAKE', 1, 1, 1, 'NOT_AT_ALL', '心理备注"
              + tag
              + "', now(), 'u', 'wang')");
      s.execute(
          "insert into access_entry (case_id, actor_id, actor_name, what, denied, details, at)"
              + " values ("
              + c
              + ", 'u', 'wang', 'RECORD', false, jsonb_build_object('q', '查询"
              + tag
              + "'), now())");
      s.execute(
          "insert into audit_entry (case_id, actor_id, actor_name, action, details, at) values ("
              + c
              + ", 'u', 'wang', 'case.updated', jsonb_build_object('phone', '审计"
              + tag
              + "'), now())");
      values.addAll(List.of("复核备注" + tag, "复核行动" + tag, "心理备注" + tag, "查询" + tag, "审计" + tag));
      s.execute(
          "insert into harassment_flag (id, case_id, kind, source, description, status,"
              + " dismiss_reason, raised_by, raised_by_name, raised_at) values (gen_random_uuid(), "
              + c
              + ", 'THREATS', 'COUNSELOR', '威胁描述"
              + tag
              + "', 'DISMISSED', '驳回理由"
              + tag
              + "', 'u', 'wang', now())");
      s.execute(
          "insert into complaint (id, case_id, body_code, text, status, drafted_by,"
              + " drafted_by_name, drafted_at, review_note, reference, answer, closing_note)"
              + " values (gen_random_uuid(), "
              + c
              + ", 'NFRA', '投诉正文"
              + tag
              + "', 'DRAFTED', 'u', 'wang', now(), '审阅"
              + tag
              + "', '编号"
              + tag
              + "', '答复"
              + tag
              + "', '结案"
              + tag
              + "')");
      s.execute(
          "insert into task (id, case_id, kind, created_at, note) values (gen_random_uuid(), "
              + c
              + ", 'INSTALMENT_MISSED', now(), '任务备注"
              + tag
              + "')");
      s.execute(
          "insert into stage_period (case_id, stage, started_on, reason, reason_code,"
              + " changed_by, changed_by_name) values ("
              + c
              + ", 'MID', current_date - 400, '手动理由"
              + tag
              + "', 'stage.manual', 'u', 'wang')");
      s.execute(
          "insert into calendar_feed (case_id, token_sha256, created_by, created_at) values ("
              + c
              + ", encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), 'u',"
              + " now())");
      s.execute(
          "insert into case_finding (case_id, finding_key, rule, kind, found_from, found_to,"
              + " why_code, why_params) values ("
              + c
              + ", 'k', 'cn.third-party', 'THIRD_PARTY_CONTACT', current_date, current_date,"
              + " 'finding.third-party', jsonb_build_object('number', '发现"
              + tag
              + "'))");
      values.addAll(
          List.of(
              "威胁描述" + tag,
              "驳回理由" + tag,
              "投诉正文" + tag,
              "审阅" + tag,
              "编号" + tag,
              "答复" + tag,
              "结案" + tag,
              "任务备注" + tag,
              "手动理由" + tag,
              "发现" + tag));
    }
    return values;
  }

  /** Every column of every row of every table, as text (bytea as hex). */
  private String everything() throws Exception {
    return everything(List.of());
  }

  /** Every row of every table but those named, as text. */
  private String everything(List<String> except) throws Exception {
    var text = new StringBuilder();
    try (var connection = superuser();
        var statement = connection.createStatement()) {
      var tables = new ArrayList<String>();
      try (var rows =
          statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      tables.removeAll(except);
      for (var table : tables) {
        try (var rows = statement.executeQuery("select t::text from \"" + table + "\" t")) {
          while (rows.next()) {
            text.append(rows.getString(1)).append('\n');
          }
        }
      }
    }
    return text.toString();
  }

  private static List<String> traces(List<String> values) {
    var traces = new ArrayList<String>();
    for (var value : values) {
      traces.add(value);
      traces.add(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)));
    }
    return traces;
  }

  private long count(String sql) throws Exception {
    try (var connection = superuser();
        var statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void an_erased_case_keeps_its_structure_and_nothing_personal_and_the_other_case_keeps_all()
      throws Exception {
    var erased = CaseId.random();
    var kept = CaseId.random();
    var erasedValues =
        aCaseWithEverything(erased, "甲" + UUID.randomUUID().toString().substring(0, 6));
    var keptValues = aCaseWithEverything(kept, "乙" + UUID.randomUUID().toString().substring(0, 6));
    var before = everything();
    // each value is there to be found, as text or (bytea) as UTF-8 in hex
    for (var value : erasedValues) {
      assertThat(traces(List.of(value))).as(value).anyMatch(before::contains);
    }

    var erasing = app.getBean(JdbcErasedCases.class);
    var at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    assertThat(
            app.getBean(org.clearpath.persistence.JdbcTransactions.class)
                .inOne(() -> erasing.erase(erased, at)))
        .isEqualTo(true);

    // the portal login's id waits to be removed from Keycloak, and is nowhere else
    var login = "login-" + erasedValues.getFirst().substring("客户".length());
    assertThat(erasing.loginsToRemove(10))
        .contains(
            new org.clearpath.domain.erasure.ErasedCases.LoginToRemove(new UserId(login), erased));
    assertThat(erasing.stillInUse(new UserId(login))).isFalse();
    var afterButTheRemovals = everything(List.of("portal_login_removal"));
    for (var trace : traces(erasedValues)) {
      assertThat(afterButTheRemovals).as("erased: " + trace).doesNotContain(trace);
    }
    // once removed there, nothing at all is left
    erasing.loginRemoved(new UserId(login));
    var after = everything();
    for (var trace : traces(erasedValues)) {
      assertThat(after).as("erased: " + trace).doesNotContain(trace);
    }
    assertThat(erasing.loginsToRemove(10)).extracting(r -> r.caseId()).doesNotContain(erased);
    for (var value : keptValues) {
      assertThat(traces(List.of(value))).as("kept: " + value).anyMatch(after::contains);
    }
    // the structure stays: both entries, the payment, the flag, the stage period, the audit
    var id = "'" + erased.value() + "'";
    assertThat(count("select count(*) from contact_entry where case_id = " + id)).isEqualTo(2);
    assertThat(
            count(
                "select count(*) from contact_entry where corrects is not null and case_id = "
                    + id))
        .isEqualTo(1);
    assertThat(count("select count(*) from evidence_file where case_id = " + id)).isEqualTo(2);
    assertThat(
            count(
                "select count(*) from plan_payment p join plan on plan.id = p.plan_id where"
                    + " amount = 100 and plan.case_id = "
                    + id))
        .isEqualTo(1);
    assertThat(count("select count(*) from audit_entry where case_id = " + id)).isEqualTo(1);
    assertThat(count("select count(*) from case_key where case_id = " + id)).isZero();
    // nothing of it waits for anyone: its plan is withdrawn, its complaint closed
    assertThat(count("select count(*) from plan where status = 'WITHDRAWN' and case_id = " + id))
        .isEqualTo(1);
    assertThat(count("select count(*) from complaint where status = 'CLOSED' and case_id = " + id))
        .isEqualTo(1);
    assertThat(count("select count(*) from case_file where erased_at is not null and id = " + id))
        .isEqualTo(1);
    // erasing it again changes nothing
    assertThat(
            app.getBean(org.clearpath.persistence.JdbcTransactions.class)
                .inOne(() -> erasing.erase(erased, at)))
        .isEqualTo(false);
  }

  private static void refused(Connection connection, String sql, String state) {
    assertThatThrownBy(
            () -> {
              try (var statement = connection.createStatement()) {
                statement.execute(sql);
              }
            })
        .as(sql)
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql).isEqualTo(state));
  }

  @Test
  void the_runtime_login_empties_those_columns_only_of_an_erased_case_and_changes_nothing_else()
      throws Exception {
    var erased = CaseId.random();
    var other = CaseId.random();
    aCaseWithEverything(erased, "丙" + UUID.randomUUID().toString().substring(0, 6));
    aCaseWithEverything(other, "丁" + UUID.randomUUID().toString().substring(0, 6));
    app.getBean(org.clearpath.persistence.JdbcTransactions.class)
        .inOne(() -> app.getBean(JdbcErasedCases.class).erase(erased, Instant.now()));
    try (var connection = runtime()) {
      var others = " where case_id = '" + other.value() + "'";
      var mine = " where case_id = '" + erased.value() + "'";
      // a case not erased: the trigger refuses (raise_exception)
      refused(connection, "update contact_entry set summary = null" + others, "P0001");
      refused(
          connection,
          "delete from evidence_chunk where file_id in (select id from evidence_file"
              + others
              + ")",
          "P0001");
      refused(connection, "update audit_entry set details = '{}'" + others, "P0001");
      // an erased case: nothing but emptying, nor any other column (the grants), nor deletes
      refused(connection, "update contact_entry set summary = '新的'" + mine, "P0001");
      refused(connection, "update contact_entry set occurred_at = now()" + mine, "42501");
      refused(connection, "delete from contact_entry" + mine, "42501");
      refused(connection, "update erasable set columns = '{}'", "42501");
      try (var statement = connection.createStatement()) {
        assertThat(statement.executeUpdate("update contact_entry set summary = null" + mine))
            .isEqualTo(2);
      }
    }
  }

  @Test
  void every_erasable_table_is_emptied_by_the_adapter() throws Exception {
    var tables = new ArrayList<String>();
    try (var connection = superuser();
        var statement = connection.createStatement();
        var rows = statement.executeQuery("select table_name from erasable")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    assertThat(tables).isNotEmpty();
    for (var table : tables) {
      assertThat(JdbcErasedCases.STATEMENTS)
          .as(table)
          .anyMatch(
              sql ->
                  sql.startsWith("update " + table + " ")
                      || sql.startsWith("delete from " + table + " "));
    }
  }
}
