package org.clearpath.domain.harassment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.ContactDetails;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.Test;

class ComplaintTest {
  private static final CaseId CASE = CaseId.random();
  private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

  private static Complaint draft() {
    return new Complaint(
        UUID.randomUUID(),
        CASE,
        "12378",
        List.of(UUID.randomUUID()),
        "text",
        Complaint.Status.DRAFTED,
        new UserId("c1"),
        "counselor.wang",
        NOW,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0);
  }

  @Test
  void lifecycle_runs_drafted_reviewed_filed_answered_closed() {
    var reviewed = draft().withText("better text").reviewed("ok", "supervisor.zhao", NOW);
    assertThat(reviewed.status()).isEqualTo(Complaint.Status.REVIEWED);
    assertThat(reviewed.text()).isEqualTo("better text");
    var filed = reviewed.filed(LocalDate.of(2026, 11, 20), "NFRA-2026-0001", 15);
    assertThat(filed.answerDue()).isEqualTo(LocalDate.of(2026, 12, 5));
    var answered = filed.answered(LocalDate.of(2026, 12, 1), "lender told to stop");
    var closed = answered.closed(LocalDate.of(2026, 12, 2), null);
    assertThat(closed.status()).isEqualTo(Complaint.Status.CLOSED);
    assertThat(closed.reference()).isEqualTo("NFRA-2026-0001");
  }

  @Test
  void steps_out_of_order_are_refused_naming_the_status() {
    assertThatThrownBy(() -> draft().filed(LocalDate.of(2026, 11, 20), "r", 15))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("reviewed");
    var reviewed = draft().reviewed(null, "s", NOW);
    assertThatThrownBy(() -> reviewed.withText("sneaky change after review"))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).why().code())
        .as("said in the user's language from its code")
        .isEqualTo("refusal.complaint-edited-only-as-draft");
    assertThatThrownBy(() -> reviewed.answered(LocalDate.of(2026, 11, 20), "a"))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).why().code())
        .isEqualTo("refusal.complaint-answered-once-filed");
    var filed = reviewed.filed(LocalDate.of(2026, 11, 20), "r", 15);
    assertThatThrownBy(() -> filed.answered(LocalDate.of(2026, 11, 19), "before filing"))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("on");
    var closed = filed.closed(LocalDate.of(2026, 11, 21), "withdrawn");
    assertThatThrownBy(() -> closed.closed(LocalDate.of(2026, 11, 22), "again"))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void a_returned_draft_stays_a_draft_with_the_reviewers_note() {
    var returned = draft().returned("add the recording", "supervisor.zhao", NOW);
    assertThat(returned.status()).isEqualTo(Complaint.Status.DRAFTED);
    assertThat(returned.reviewNote()).isEqualTo("add the recording");
    assertThat(returned.withText("with recording").text()).isEqualTo("with recording");
  }

  @Test
  void overdue_the_day_after_the_answer_was_due_and_only_while_unanswered() {
    var filed =
        draft().reviewed(null, "s", NOW).filed(LocalDate.of(2026, 11, 1), "r", 15); // due 11-16
    assertThat(filed.overdue(LocalDate.of(2026, 11, 16))).isFalse();
    assertThat(filed.overdue(LocalDate.of(2026, 11, 17))).isTrue();
    assertThat(
            filed.answered(LocalDate.of(2026, 11, 17), "late").overdue(LocalDate.of(2026, 12, 1)))
        .isFalse();
    assertThat(draft().overdue(LocalDate.of(2030, 1, 1))).isFalse();
  }

  @Test
  void the_draft_names_body_client_lender_and_each_entry_in_the_clients_local_time() {
    var lender = new LenderId(UUID.randomUUID());
    var entry =
        new ContactEntry(
            UUID.randomUUID(),
            CASE,
            new ContactDetails(
                Instant.parse("2026-11-20T15:30:00Z"),
                ZoneId.of("Asia/Shanghai"),
                lender,
                null,
                "催收公司甲",
                "张三",
                "95xxx",
                Direction.INBOUND,
                Channel.PHONE,
                Party.FAMILY,
                null,
                false,
                "给母亲打电话说要起诉",
                null,
                null),
            null,
            null,
            new UserId("c1"),
            "counselor.wang",
            NOW);
    var flag =
        new Flag(
            UUID.randomUUID(),
            CASE,
            FlagKind.THIRD_PARTY_CONTACT,
            Flag.Source.DETECTED,
            "cn.third-party",
            "k",
            "collection contact with a third party (FAMILY)",
            org.clearpath.domain.shared.Message.of("finding.third-party", "party", "FAMILY"),
            LocalDate.of(2026, 11, 20),
            LocalDate.of(2026, 11, 20),
            List.of(entry.id()),
            List.of(),
            Flag.Status.OPEN,
            null,
            new UserId("c1"),
            "counselor.wang",
            NOW,
            0);
    var body = ComplaintBody.mainlandChina().getFirst();
    var zh =
        ComplaintDraft.text(
            true,
            "陈小明",
            body,
            List.of(flag),
            List.of(entry),
            Map.of(lender.value(), "某某贷"),
            f -> RulePacks.CN_CBA_2026.rules().getLast().citation());
    assertThat(zh)
        .contains("致：" + body.nameZh())
        .contains("投诉人：陈小明")
        .contains("被投诉方：某某贷 / 催收公司甲")
        .contains("爆通讯录")
        .contains("2026-11-20 23:30") // 15:30 UTC in Shanghai
        .contains("张三 95xxx")
        .contains("给母亲打电话说要起诉")
        // what the rule found is said in Chinese too, not in the English of the API
        .contains("联系了第三方（家人）")
        // and which document's rule it breaks
        .contains("依据：中国银行业协会 《金融机构个人消费类贷款催收工作指引（试行）》（2026-01-30）")
        .doesNotContain("collection contact with a third party");
    var en =
        ComplaintDraft.text(
            false,
            "Chen",
            body,
            List.of(flag),
            List.of(entry),
            Map.of(lender.value(), "X Loans"),
            f -> null);
    assertThat(en)
        .contains("To: NFRA")
        .contains("Complaint against: X Loans / 催收公司甲")
        .contains("collection contact with a third party (FAMILY)")
        .doesNotContain("Rule:");
  }
}
