package org.clearpath.persistence.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.CaseStatus;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.audit.JdbcAuditTrail;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCaseFilesTest implements TestPropertyProvider {
  @Inject JdbcCaseFiles caseFiles;
  @Inject JdbcAuditTrail auditTrail;
  @Inject io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private static CaseFile aCase(String counselor, String clientLogin, Instant openedAt) {
    return new CaseFile(
        CaseId.random(),
        new ClientName("陈小明"),
        new UserId(counselor),
        counselor + "-name",
        clientLogin == null ? null : new UserId(clientLogin),
        org.clearpath.domain.casefile.ClientRecord.EMPTY,
        CaseStatus.OPEN,
        null,
        org.clearpath.domain.shared.Stage.CURRENT,
        openedAt,
        0);
  }

  @Test
  void a_case_file_comes_back_as_it_was_stored() {
    var stored = aCase("c-" + UUID.randomUUID(), "client-1", Instant.parse("2026-11-01T10:00:00Z"));

    caseFiles.add(stored);

    var found = caseFiles.find(stored.id()).orElseThrow();
    assertThat(found.clientName()).isEqualTo(stored.clientName());
    assertThat(found.counselor()).isEqualTo(stored.counselor());
    assertThat(found.clientLogin()).isEqualTo(new UserId("client-1"));
    assertThat(found.openedAt()).isEqualTo(stored.openedAt());
    assertThat(found.version()).isZero();
    assertThat(caseFiles.find(CaseId.random())).isEmpty();
  }

  @Test
  void a_caseload_holds_only_the_counselors_cases_newest_first() {
    var counselor = "c-" + UUID.randomUUID();
    var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    var older = aCase(counselor, null, now.minusSeconds(60));
    var newer = aCase(counselor, null, now);
    var someoneElses = aCase("c-" + UUID.randomUUID(), null, now);
    caseFiles.add(older);
    caseFiles.add(newer);
    caseFiles.add(someoneElses);

    assertThat(caseFiles.assignedTo(new UserId(counselor)))
        .extracting(CaseFile::id)
        .containsExactly(newer.id(), older.id());
    assertThat(caseFiles.all()).extracting(CaseFile::id).contains(older.id(), someoneElses.id());
  }

  @Test
  void a_search_finds_a_name_by_any_part_and_a_phone_or_id_number_whole() {
    var counselor = "c-" + UUID.randomUUID();
    var now = Instant.now();
    var names = new java.util.LinkedHashMap<String, CaseFile>();
    for (var name : java.util.List.of("陈小明", "王小红", "王明", "Zhang Wei", "李_娜")) {
      var caseFile = aCase(counselor, null, now);
      caseFile =
          new CaseFile(
              caseFile.id(),
              new ClientName(name),
              caseFile.counselor(),
              caseFile.counselorName(),
              null,
              name.equals("王明")
                  ? new org.clearpath.domain.casefile.ClientRecord(
                      "138 0013-8000", null, "11010519491231002X", null, null, "US")
                  : org.clearpath.domain.casefile.ClientRecord.EMPTY,
              CaseStatus.OPEN,
              null,
              org.clearpath.domain.shared.Stage.CURRENT,
              now,
              0);
      caseFiles.add(caseFile);
      names.put(name, caseFile);
    }
    var mine =
        org.clearpath.domain.casefile.CaseQuery.firstPage(50).ofCounselor(new UserId(counselor));
    java.util.function.Function<String, java.util.List<String>> found =
        text ->
            caseFiles.page(mine.matching(text)).cases().stream()
                .map(c -> c.clientName().value())
                .sorted()
                .toList();

    assertThat(found.apply("王")).containsExactly("王小红", "王明");
    assertThat(found.apply("小")).containsExactly("王小红", "陈小明");
    assertThat(found.apply("小明")).containsExactly("陈小明");
    assertThat(found.apply("明")).containsExactly("王明", "陈小明");
    assertThat(found.apply("明小")).as("a pair in no name").isEmpty();
    assertThat(found.apply("红")).containsExactly("王小红");
    assertThat(found.apply("w")).containsExactly("Zhang Wei");
    assertThat(found.apply("Wu")).isEmpty();
    assertThat(found.apply("王小明")).as("all pairs are in names, the text in none").isEmpty();
    assertThat(found.apply("zhang w")).containsExactly("Zhang Wei");
    assertThat(found.apply("WEI")).containsExactly("Zhang Wei");
    assertThat(found.apply("g w")).as("across the space").containsExactly("Zhang Wei");
    assertThat(found.apply("_")).as("a wildcard is looked for as typed").containsExactly("李_娜");
    assertThat(found.apply("%")).isEmpty();
    assertThat(found.apply("李_娜")).containsExactly("李_娜");
    assertThat(found.apply("13800138000")).containsExactly("王明");
    assertThat(found.apply("138-0013 8000")).containsExactly("王明");
    assertThat(found.apply("1380013")).as("a phone is asked for whole").isEmpty();
    assertThat(found.apply("11010519491231002x")).containsExactly("王明");
    assertThat(caseFiles.find(names.get("王明").id()).orElseThrow().client().jurisdiction())
        .as("the case's own jurisdiction is stored")
        .isEqualTo("US");
    assertThat(caseFiles.page(mine.matching("王")).total()).isEqualTo(2);
    assertThat(caseFiles.page(mine.matching("小").page(0, 1)).total()).isEqualTo(2);
  }

  @Test
  void everyone_who_entered_a_stage_is_counted_once_and_an_erased_case_not_at_all() {
    var counselor = "c-" + UUID.randomUUID();
    for (int i = 0; i < 5; i++) {
      caseFiles.add(aCase(counselor, null, Instant.now().minusSeconds(i)));
    }
    // in a month nobody else's cases are in: each case entered LATE, one of them twice, and one
    // case is erased
    transactions.executeWrite(
        status -> {
          try (var s = status.getConnection().createStatement()) {
            s.executeUpdate(
                "insert into stage_period (case_id, stage, started_on, ended_on, reason) select"
                    + " id, 'LATE', date '2001-01-03', date '2001-01-04', 'test' from case_file"
                    + " where counselor_id = '"
                    + counselor
                    + "'");
            s.executeUpdate(
                "insert into stage_period (case_id, stage, started_on, ended_on, reason) select"
                    + " id, 'LATE', date '2001-01-20', date '2001-01-21', 'test' from case_file"
                    + " where counselor_id = '"
                    + counselor
                    + "' order by id limit 1");
            s.executeUpdate(
                "update case_file set erased_at = now() where id = (select id from case_file"
                    + " where counselor_id = '"
                    + counselor
                    + "' order by id desc limit 1)");
          }
          return null;
        });
    var entered =
        org.clearpath.domain.casefile.CaseQuery.firstPage(2)
            .entering(
                new org.clearpath.domain.casefile.CaseQuery.Entered(
                    org.clearpath.domain.shared.Stage.LATE,
                    java.time.LocalDate.of(2001, 1, 1),
                    java.time.LocalDate.of(2001, 1, 31)));
    // everyone's (counted off the periods) and the counselor's (counted case by case) alike
    for (var query : List.of(entered, entered.ofCounselor(new UserId(counselor)))) {
      var page = caseFiles.page(query);
      assertThat(page.cases()).hasSize(2);
      assertThat(page.total()).isEqualTo(4);
      assertThat(caseFiles.page(query.page(1, 2)).cases()).hasSize(2);
      assertThat(caseFiles.page(query.page(2, 2)).cases()).isEmpty();
    }
  }

  @Test
  void who_entered_a_stage_is_planned_for_its_values_each_time_unlike_the_plain_caseload() {
    var counselor = "c-" + UUID.randomUUID();
    for (int i = 0; i < 60; i++) {
      caseFiles.add(aCase(counselor, null, Instant.now().minusSeconds(i)));
    }
    // each case entered CURRENT today, whatever the stage job of this test's context did
    transactions.executeWrite(
        status -> {
          try (var insert =
              status
                  .getConnection()
                  .prepareStatement(
                      "insert into stage_period (case_id, stage, started_on, reason) select id,"
                          + " 'CURRENT', current_date, 'test' from case_file c where"
                          + " counselor_id = ? and not exists (select 1 from stage_period p"
                          + " where p.case_id = c.id)")) {
            insert.setString(1, counselor);
            return insert.executeUpdate();
          }
        });
    var mine =
        org.clearpath.domain.casefile.CaseQuery.firstPage(50).ofCounselor(new UserId(counselor));
    var entered =
        mine.entering(
            new org.clearpath.domain.casefile.CaseQuery.Entered(
                org.clearpath.domain.shared.Stage.CURRENT,
                java.time.LocalDate.now().minusDays(1),
                java.time.LocalDate.now().plusDays(1)));
    // on one connection, more runs than the driver's five before it prepares on the server
    var prepared =
        transactions.executeRead(
            status -> {
              for (int i = 0; i < 8; i++) {
                assertThat(caseFiles.page(entered).total()).isEqualTo(60);
                assertThat(caseFiles.page(mine).total()).isEqualTo(60);
              }
              var statements = new java.util.ArrayList<String>();
              try (var rows =
                  status
                      .getConnection()
                      .createStatement()
                      .executeQuery("select statement from pg_prepared_statements")) {
                while (rows.next()) {
                  statements.add(rows.getString(1));
                }
              }
              return statements;
            });
    assertThat(prepared)
        .as("the plain caseload's page is prepared on the server")
        .anyMatch(sql -> sql.contains("from case_file c") && sql.contains("limit"));
    assertThat(prepared).noneMatch(sql -> sql.contains("stage_period entered"));
  }

  @Test
  void the_latest_contact_and_follow_up_are_kept_beside_the_case_in_step_with_it()
      throws Exception {
    var counselor = "c-" + UUID.randomUUID();
    var caseFile = aCase(counselor, null, Instant.now().minusSeconds(3600));
    caseFiles.add(caseFile);
    var id = caseFile.id().value();
    var latest =
        "select concat_ws('|', counselor_id, client_name, status, last_contact_at is not null,"
            + " follow_up_on, follow_up_channel) from case_latest where case_id = '"
            + id
            + "'";
    assertThat(database.strings(latest))
        .containsExactly(counselor + "|" + caseFile.clientName().value() + "|OPEN|f");

    // a contact asking for a follow-up, and one older without: the newest stands
    var insert =
        "insert into contact_entry (id, case_id, occurred_at, client_zone, direction, channel,"
            + " contacted, summary, follow_up, recorded_by, recorded_by_name, recorded_at) values"
            + " (gen_random_uuid(), '"
            + id
            + "', %s, 'Asia/Shanghai', 'INBOUND', '%s', 'CLIENT', '催收来电', %s, 'u', 'u', now())";
    database.execute(insert.formatted("now() - interval '1 minute'", "SMS", "date '2026-12-24'"));
    database.execute(insert.formatted("now() - interval '1 day'", "PHONE", "null"));
    assertThat(database.strings(latest))
        .containsExactly(
            counselor + "|" + caseFile.clientName().value() + "|OPEN|t|2026-12-24|SMS");

    // the case moves: reassigned, renamed, closed
    var other = "c-" + UUID.randomUUID();
    database.execute(
        "update case_file set counselor_id = '"
            + other
            + "', client_name = '刘芳', status = 'CLOSED' where id = '"
            + id
            + "'");
    assertThat(database.strings(latest)).containsExactly(other + "|刘芳|CLOSED|t|2026-12-24|SMS");
    // a change of nothing copied leaves it as it is
    database.execute("update case_file set version = version + 1 where id = '" + id + "'");
    assertThat(database.strings(latest)).containsExactly(other + "|刘芳|CLOSED|t|2026-12-24|SMS");

    // erased: the name goes with the case's, and its follow-up with it
    database.execute(
        "update case_file set erased_at = now(), client_name = '(erased)' where id = '" + id + "'");
    assertThat(database.strings(latest)).containsExactly(other + "|(erased)|CLOSED|t");
  }

  @Test
  void the_kept_counts_follow_cases_opened_moved_reassigned_and_closed() throws Exception {
    var counselors = java.util.List.of("c-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
    var random = new java.util.Random(42);
    var ids = new java.util.ArrayList<CaseId>();
    for (int i = 0; i < 40; i++) {
      var caseFile = aCase(counselors.get(i % 2), null, Instant.now());
      caseFiles.add(caseFile);
      ids.add(caseFile.id());
    }
    var stages = org.clearpath.domain.shared.Stage.values();
    for (int i = 0; i < 120; i++) {
      var id = ids.get(random.nextInt(ids.size())).value();
      var change =
          switch (random.nextInt(4)) {
            case 0 -> "stage = '" + stages[random.nextInt(stages.length)].name() + "'";
            case 1 ->
                "counselor_id = '"
                    + counselors.get(random.nextInt(2))
                    + "', counselor_name = 'name-"
                    + random.nextInt(2)
                    + "'";
            case 2 -> "status = '" + (random.nextBoolean() ? "CLOSED" : "OPEN") + "'";
            default -> "client_name = 'renamed-" + random.nextInt(100) + "'";
          };
      database.execute("update case_file set " + change + " where id = '" + id + "'");
    }
    // statements that move many cases at once, as the stage job does, and cases removed
    database.execute(
        "update case_file set stage = case when random() < 0.5 then 'LATE' else 'MID' end"
            + " where counselor_id = '"
            + counselors.get(0)
            + "'");
    database.execute(
        "update case_file set counselor_id = '"
            + counselors.get(1)
            + "', counselor_name = 'name-2' where stage = 'LATE'");
    database.execute(
        "insert into case_file (id, client_name, counselor_id, counselor_name, status, opened_at,"
            + " stage) select gen_random_uuid(), 'bulk ' || i, '"
            + counselors.get(0)
            + "', 'name-0', 'OPEN', now(), 'EARLY' from generate_series(1, 7) i");
    database.execute("delete from case_file where client_name in ('bulk 2', 'bulk 5')");

    assertThat(
            rows(
                "select counselor_id, counselor_name, stage, status, sum(cases) from case_count"
                    + " group by 1, 2, 3, 4 having sum(cases) > 0 order by 1, 2, 3, 4"))
        .isEqualTo(
            rows(
                // an erased case is no longer one of the office's (V35)
                "select counselor_id, counselor_name, stage, status, count(*) from case_file"
                    + " where erased_at is null group by 1, 2, 3, 4 order by 1, 2, 3, 4"));
    var page = org.clearpath.domain.casefile.CaseQuery.firstPage(5);
    assertThat(caseFiles.page(page.ofCounselor(new UserId(counselors.get(0)))).total())
        .isEqualTo(
            Long.parseLong(
                rows("select count(*) from case_file where counselor_id = '"
                        + counselors.get(0)
                        + "'")
                    .get(0)));
    assertThat(caseFiles.page(page).total())
        .isEqualTo(
            Long.parseLong(rows("select count(*) from case_file where erased_at is null").get(0)));
    // the open cases each counselor holds, from the same counts
    for (var counselor : counselors) {
      assertThat(caseFiles.openCasesByCounselor().getOrDefault(new UserId(counselor), 0L))
          .as(counselor)
          .isEqualTo(
              Long.parseLong(
                  rows("select count(*) from case_file where status not in ('RESOLVED', 'CLOSED')"
                          + " and counselor_id = '"
                          + counselor
                          + "'")
                      .get(0)));
    }
  }

  private java.util.List<String> rows(String sql) throws Exception {
    try (var connection =
            java.sql.DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        var result = connection.createStatement().executeQuery(sql)) {
      var rows = new java.util.ArrayList<String>();
      var columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        var row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(result.getString(i));
        }
        rows.add(row.toString());
      }
      return rows;
    }
  }

  @Test
  void a_client_finds_only_the_case_linked_to_their_login() {
    var login = "client-" + UUID.randomUUID();
    var theirs = aCase("c-1", login, Instant.now());
    caseFiles.add(theirs);
    caseFiles.add(aCase("c-1", "client-" + UUID.randomUUID(), Instant.now()));

    assertThat(caseFiles.ofClient(new UserId(login)))
        .extracting(CaseFile::id)
        .containsExactly(theirs.id());
  }

  @Test
  void audit_entries_round_trip_with_their_details_and_cannot_be_changed() throws Exception {
    var caseFile = aCase("c-2", null, Instant.now());
    caseFiles.add(caseFile);
    var at = Instant.parse("2026-11-23T01:02:03.456789Z");
    auditTrail.record(
        new AuditEntry(
            caseFile.id(),
            new UserId("c-2"),
            "Wang",
            "case.opened",
            Map.of("clientName", "陈小明"),
            at));

    assertThat(auditTrail.ofCase(caseFile.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.details()).containsEntry("clientName", "陈小明");
              assertThat(e.at()).isEqualTo(at);
              assertThat(e.actorName()).isEqualTo("Wang");
            });
    assertThatThrownBy(() -> database.execute("delete from audit_entry"))
        .hasMessageContaining("append-only");
  }
}
