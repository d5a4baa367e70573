package org.clearpath.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The details the access log writes as jsonb text: any string, escaped as JSON wants. */
class AccessLogJsonTest {
  @Test
  void strings_with_quotes_backslashes_control_characters_and_chinese_stay_valid_json() {
    assertThat(JdbcAccessLog.json(Map.of())).isEqualTo("{}");
    assertThat(JdbcAccessLog.json(Map.of("b", "2", "a", "1")))
        .isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    assertThat(JdbcAccessLog.json(Map.of("note", "他说\"还钱\"\\\n\t")))
        .isEqualTo("{\"note\":\"他说\\\"还钱\\\"\\\\\\u000a\\u0009\"}");
  }
}
