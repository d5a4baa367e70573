package org.clearpath.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** V23 files the contacts logged before the directory under their agencies and numbers. */
class DirectoryMigrationTest {

  @Test
  void earlier_contacts_are_filed_under_one_agency_and_one_number_each() throws Exception {
    var db = OlderSchema.at("22");
    for (var row :
        new String[][] {
          {"1", "'华信资产管理'", "'0755-1234 5678'"},
          {"2", "'華信資產管理'", "'+86 755 12345678'"},
          {"3", "'ＡＢＣ催收'", "null"},
          {"4", "null", "null"}
        }) {
      db.execute(
          "insert into contact_entry (id, case_id, occurred_at, client_zone, direction, channel,"
              + " contacted, summary, agency, collector_number, recorded_by, recorded_by_name,"
              + " recorded_at) values ('00000000-0000-0000-0001-00000000000"
              + row[0]
              + "', '00000000-0000-0000-0000-000000000001', now(), 'Asia/Shanghai', 'INBOUND',"
              + " 'PHONE', 'CLIENT', '催收电话', "
              + row[1]
              + ", "
              + row[2]
              + ", 'u1', 'counselor.wang', now())");
    }

    OlderSchema.migrateTheRest(db);

    // traditional and simplified characters are different names: a supervisor merges them
    assertThat(db.count("select count(*) from directory_entry where kind = 'AGENCY'")).isEqualTo(3);
    assertThat(db.count("select count(*) from directory_entry where kind = 'NUMBER'")).isEqualTo(1);
    assertThat(db.count("select count(*) from directory_sighting")).isEqualTo(5);
    assertThat(
            db.count(
                "select clients from directory_entry where kind = 'NUMBER'"
                    + " and key = '+8675512345678'"))
        .isEqualTo(1);
    assertThat(db.count("select count(*) from directory_entry where key = 'abc催收'")).isEqualTo(1);
  }
}
