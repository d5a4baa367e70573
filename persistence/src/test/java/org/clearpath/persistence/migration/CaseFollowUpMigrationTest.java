package org.clearpath.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * V17 gives each case the follow-up of its latest standing contact, and keeps it from then on as
 * entries are appended.
 */
class CaseFollowUpMigrationTest {
  private static final String CHEN = "'00000000-0000-0000-0000-000000000001'";

  @Test
  void each_case_takes_the_follow_up_of_its_latest_standing_entry_and_keeps_it() throws Exception {
    db = OlderSchema.at("16");
    db.execute(
        "insert into case_file (id, client_name, counselor_id, counselor_name, status, opened_at)"
            + " values ('00000000-0000-0000-0000-000000000002', '刘芳', 'u1', 'counselor.wang',"
            + " 'OPEN', now()), ('00000000-0000-0000-0000-000000000003', '张伟', 'u1',"
            + " 'counselor.wang', 'OPEN', now())");
    // 陈小明: an older entry asked for a follow-up, the latest one was corrected to ask for one
    entry("e1", CHEN, "2026-11-01 10:00", "'2026-11-05'", "'PHONE'", null);
    entry("e2", CHEN, "2026-11-10 10:00", "null", "'PHONE'", null);
    entry("e3", CHEN, "2026-11-10 10:00", "'2026-11-20'", "'SMS'", "e2");
    // 刘芳: a follow-up, then the call that made it
    entry(
        "e4",
        "'00000000-0000-0000-0000-000000000002'",
        "2026-11-01 10:00",
        "'2026-11-03'",
        "'PHONE'",
        null);
    entry(
        "e5",
        "'00000000-0000-0000-0000-000000000002'",
        "2026-11-03 10:00",
        "null",
        "'PHONE'",
        null);

    OlderSchema.migrateTheRest(db);

    assertThat(followUps()).isEqualTo("1:2026-11-20 SMS|2:-|3:-");

    // from now on the database keeps it: a new entry for 张伟 asks for one, 陈小明's is met
    entry(
        "e6",
        "'00000000-0000-0000-0000-000000000003'",
        "2026-11-12 09:00",
        "'2026-11-14'",
        "'EMAIL'",
        null);
    entry("e7", CHEN, "2026-11-20 09:00", "null", "'PHONE'", null);
    assertThat(followUps()).isEqualTo("1:-|2:-|3:2026-11-14 EMAIL");
    // an entry logged late, for a time before the latest, leaves the latest one's follow-up
    entry("e8", CHEN, "2026-11-15 09:00", "'2026-12-01'", "'PHONE'", null);
    assertThat(followUps()).isEqualTo("1:-|2:-|3:2026-11-14 EMAIL");
    // and a correction of the latest entry brings its new follow-up
    entry("e9", CHEN, "2026-11-20 09:00", "'2026-11-30'", "'VISIT'", "e7");
    assertThat(followUps()).isEqualTo("1:2026-11-30 VISIT|2:-|3:2026-11-14 EMAIL");
  }

  private TestPostgres.Database db;

  /** Entry e7 is {@code 00000000-0000-0000-0001-000000000007}. */
  private static String id(String name) {
    return "'00000000-0000-0000-0001-00000000000" + name.substring(1) + "'";
  }

  private void entry(
      String name, String caseId, String at, String followUp, String channel, String corrects)
      throws Exception {
    db.execute(
        "insert into contact_entry (id, case_id, occurred_at, client_zone, direction, channel,"
            + " contacted, summary, follow_up, corrects, correction_reason, recorded_by,"
            + " recorded_by_name, recorded_at) values ("
            + id(name)
            + ", "
            + caseId
            + ", timestamptz '"
            + at
            + "+08', 'Asia/Shanghai', 'INBOUND', "
            + channel
            + ", 'CLIENT', '催收电话', "
            + followUp
            + ", "
            + (corrects == null ? "null, null" : id(corrects) + ", 'wrong date'")
            + ", 'u1', 'counselor.wang', now())");
  }

  private String followUps() throws Exception {
    var found = new StringBuilder();
    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    // kept beside the case since V44
                    "select right(case_id::text, 1), follow_up_on, follow_up_channel from"
                        + " case_latest order by case_id")) {
      while (rows.next()) {
        if (!found.isEmpty()) {
          found.append('|');
        }
        found
            .append(rows.getString(1))
            .append(':')
            .append(rows.getString(2) == null ? "-" : rows.getString(2) + " " + rows.getString(3));
      }
    }
    return found.toString();
  }
}
