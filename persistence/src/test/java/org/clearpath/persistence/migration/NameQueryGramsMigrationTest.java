package org.clearpath.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** V19 gives a search the same grams as V11 did, for names as typed and for random text. */
class NameQueryGramsMigrationTest {
  private static final String CHARACTERS = "王李张刘陈伟芳娜敏aBcXyZ \t-_%é1İ";

  @Test
  void the_grams_of_every_search_are_those_of_before() throws Exception {
    var texts =
        new ArrayList<>(
            List.of("陈小明", "小明", "明", "张 伟", " 伟 ", "Li Ming", "LI", "a", " ", "a b", "欧阳娜娜"));
    var random = new Random(19);
    for (int i = 0; i < 500; i++) {
      var text = new StringBuilder();
      for (int k = 1 + random.nextInt(6); k > 0; k--) {
        text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
      }
      texts.add(text.toString());
    }
    var db = OlderSchema.at("18");
    var before = grams(db, texts);
    OlderSchema.migrateTheRest(db);
    assertThat(language(db)).isEqualTo("plpgsql");
    assertThat(grams(db, texts)).isEqualTo(before);
    assertThat(before.getFirst()).contains("小明", "陈小");
  }

  private static List<String> grams(TestPostgres.Database db, List<String> texts) throws Exception {
    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var statement =
            connection.prepareStatement(
                "select (select array_agg(g order by g) from unnest(name_query_grams(?)) g)::text")) {
      var found = new ArrayList<String>();
      for (var text : texts) {
        statement.setString(1, text);
        try (var rows = statement.executeQuery()) {
          rows.next();
          found.add(rows.getString(1));
        }
      }
      return found;
    }
  }

  private static String language(TestPostgres.Database db) throws Exception {
    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "select l.lanname from pg_proc p join pg_language l on l.oid = p.prolang"
                        + " where p.proname = 'name_query_grams'")) {
      rows.next();
      return rows.getString(1);
    }
  }
}
