package org.clearpath.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clearpath.domain.shared.InvalidInput;
import org.junit.jupiter.api.Test;

class PortalLoginTest {

  @Test
  void a_username_is_stored_lower_case_and_a_blank_email_is_none() {
    var login = new PortalLogin("  Chen.XiaoMing ", " ");
    assertThat(login.username()).isEqualTo("chen.xiaoming");
    assertThat(login.email()).isNull();
  }

  @Test
  void usernames_with_spaces_or_other_scripts_or_wrong_length_are_refused() {
    for (var bad : new String[] {"ab", "chen xiaoming", "陈小明", "a".repeat(65), "", null}) {
      assertThatThrownBy(() -> new PortalLogin(bad, null))
          .as(String.valueOf(bad))
          .isInstanceOfSatisfying(
              InvalidInput.class, e -> assertThat(e.field()).isEqualTo("portalLogin.username"));
    }
    assertThat(new PortalLogin("abc", null).username()).isEqualTo("abc");
    assertThat(new PortalLogin("a".repeat(64), null).username()).hasSize(64);
  }

  @Test
  void an_email_must_look_like_one() {
    assertThat(new PortalLogin("chen", "chen@example.org").email()).isEqualTo("chen@example.org");
    assertThatThrownBy(() -> new PortalLogin("chen", "not-an-email"))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("portalLogin.email"));
  }

  @Test
  void a_new_accounts_text_never_shows_the_password() {
    var account =
        new ClientPortalAccounts.NewAccount(
            new org.clearpath.domain.shared.UserId("id-1"), "chen", "Secret-Pa55word!");
    assertThat(account.toString()).doesNotContain("Secret-Pa55word!");
  }
}
