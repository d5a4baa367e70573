package org.clearpath.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CollectorKeysTest {

  @Test
  void one_number_written_many_ways_is_one_key() {
    var key = CollectorKeys.number("0755-1234 5678", "CN").key();
    assertThat(key).isEqualTo("+8675512345678");
    assertThat(CollectorKeys.number("+86 755 12345678", "CN").key()).isEqualTo(key);
    assertThat(CollectorKeys.number("(0755) 12345678", "CN").key()).isEqualTo(key);
    assertThat(CollectorKeys.number("138 0013 8000", "CN").key())
        .isEqualTo(CollectorKeys.number("+86-13800138000", "CN").key())
        .isEqualTo("+8613800138000");
    // a number with its own country code keeps it, wherever the office is
    assertThat(CollectorKeys.number("+1 212-555-0100", "CN").key()).isEqualTo("+12125550100");
    assertThat(CollectorKeys.number("138 0013 8000", "CN").label()).isEqualTo("+86 138 0013 8000");
  }

  @Test
  void service_numbers_and_odd_text_keep_their_digits_and_text_without_digits_is_none() {
    assertThat(CollectorKeys.number("95588", "CN").key()).isEqualTo("95588");
    assertThat(CollectorKeys.number("955 88", "CN").key()).isEqualTo("95588");
    assertThat(CollectorKeys.number("unknown", "CN")).isNull();
    assertThat(CollectorKeys.number("  ", "CN")).isNull();
    assertThat(CollectorKeys.number(null, "CN")).isNull();
  }

  @Test
  void agency_names_are_compared_without_width_case_or_spaces() {
    var key = CollectorKeys.agency("ＡＢＣ资产管理公司");
    assertThat(key).isEqualTo("abc资产管理公司");
    assertThat(CollectorKeys.agency(" abc 资产管理公司 ")).isEqualTo(key);
    assertThat(CollectorKeys.agency("ABC\u3000资产管理公司")).isEqualTo(key);
    assertThat(CollectorKeys.agency("某某资产")).isNotEqualTo(key);
    assertThat(CollectorKeys.agency(" ")).isNull();
  }
}
