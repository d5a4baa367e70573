package org.clearpath.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * V8 gives the stage periods recorded before it the code and parameters of their English reason.
 */
class StageReasonCodesMigrationTest {

  @Test
  void every_reason_the_stage_job_wrote_gets_its_code_and_parameters() throws Exception {
    var db = OlderSchema.at("7");
    var reasons = new LinkedHashMap<String, String>();
    reasons.put("no debts recorded yet", "stage.no-debts {}");
    reasons.put("every debt is closed", "stage.all-closed {}");
    reasons.put(
        "招联金融 is 45 days past due", "stage.days-past-due {\"days\": 45, \"lender\": \"招联金融\"}");
    reasons.put(
        "招联金融 · 好期贷 has nothing past due", "stage.nothing-past-due {\"lender\": \"招联金融 · 好期贷\"}");
    reasons.put(
        "某某贷 is being repaid under an agreed plan", "stage.under-plan {\"lender\": \"某某贷\"}");
    reasons.put(
        "某某贷 is 12 days behind its plan", "stage.behind-plan {\"days\": 12, \"lender\": \"某某贷\"}");
    reasons.put(
        "legal: LAWSUIT_FILED since 2026-10-03",
        "stage.legal {\"kind\": \"LAWSUIT_FILED\", \"since\": \"2026-10-03\"}");
    int day = 1;
    for (var reason : reasons.keySet()) {
      db.execute(
          "insert into stage_period (case_id, stage, started_on, ended_on, reason) values"
              + " ('00000000-0000-0000-0000-000000000001', 'CURRENT', date '2026-01-01' + "
              + day
              + ", date '2026-01-01' + "
              + (day + 1)
              + ", '"
              + reason
              + "')");
      day += 2;
    }
    db.execute(
        "insert into stage_period (case_id, stage, started_on, reason, changed_by, changed_by_name)"
            + " values ('00000000-0000-0000-0000-000000000001', 'EARLY', date '2026-02-01',"
            + " 'lender is 3 days past due per its letter', 'u1', 'counselor.wang')");

    OlderSchema.migrateTheRest(db);

    var found = new LinkedHashMap<String, String>();
    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "select reason, reason_code || ' ' || reason_params::text from stage_period"
                        + " order by started_on")) {
      while (rows.next()) {
        found.put(rows.getString(1), rows.getString(2));
      }
    }
    var expected = new LinkedHashMap<String, String>(reasons);
    // a stage set by hand keeps the counselor's words, even when they look like the job's
    expected.put("lender is 3 days past due per its letter", "stage.manual {}");
    assertThat(found).containsExactlyEntriesOf(expected);
    assertThat(Map.copyOf(found)).hasSize(8);
  }
}
