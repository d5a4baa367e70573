package org.clearpath.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clearpath.domain.shared.InvalidInput;
import org.junit.jupiter.api.Test;

class ClientNameTest {

  @Test
  void a_name_is_trimmed_and_keeps_any_script() {
    assertThat(new ClientName("  陈小明 ").value()).isEqualTo("陈小明");
  }

  @Test
  void a_blank_name_is_refused_naming_the_field() {
    assertThatThrownBy(() -> new ClientName("   "))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("clientName"));
    assertThatThrownBy(() -> new ClientName(null)).isInstanceOf(InvalidInput.class);
  }

  @Test
  void two_hundred_characters_fit_and_two_hundred_and_one_do_not() {
    assertThat(new ClientName("名".repeat(200)).value()).hasSize(200);
    assertThatThrownBy(() -> new ClientName("名".repeat(201))).isInstanceOf(InvalidInput.class);
  }

  @Test
  void length_counts_characters_not_utf16_units() {
    var emoji = "😀".repeat(200); // 400 UTF-16 units, 200 characters
    assertThat(new ClientName(emoji).value()).isEqualTo(emoji);
  }

  @Test
  void control_characters_are_refused() {
    assertThatThrownBy(() -> new ClientName("Chen\u0000Li")).isInstanceOf(InvalidInput.class);
  }
}
