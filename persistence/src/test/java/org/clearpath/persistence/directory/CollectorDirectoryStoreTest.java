package org.clearpath.persistence.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.ContactDetails;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.directory.DirectoryEntry;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.casefile.JdbcCaseFiles;
import org.clearpath.persistence.contact.JdbcContactLog;
import org.clearpath.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectorDirectoryStoreTest implements TestPropertyProvider {
  private static final Instant AT = Instant.parse("2026-11-20T02:30:00Z");
  @Inject JdbcCaseFiles caseFiles;
  @Inject JdbcContactLog log;
  @Inject JdbcCollectorDirectory directory;
  private final TestPostgres.Database database = TestPostgres.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.micronautProperties();
  }

  private CaseId aCase(String counselor) {
    return org.clearpath.persistence.testing.TestCases.open(caseFiles, counselor, AT);
  }

  private void logged(CaseId caseId, String agency, String number, int minutes) {
    log.append(
        new ContactEntry(
            UUID.randomUUID(),
            caseId,
            new ContactDetails(
                AT.plusSeconds(60L * minutes),
                ZoneId.of("Asia/Shanghai"),
                null,
                null,
                agency,
                "张三",
                number,
                Direction.INBOUND,
                Channel.PHONE,
                Party.CLIENT,
                null,
                false,
                "催收来电",
                null,
                null),
            null,
            null,
            new UserId("c1"),
            "counselor.wang",
            AT));
  }

  private DirectoryEntry agency(String label) {
    return directory.page(DirectoryEntry.Kind.AGENCY, label, 0, 10).items().getFirst();
  }

  @Test
  void one_agency_and_one_number_written_differently_reach_three_clients_of_two_counselors() {
    var wangs = aCase("wang");
    var wangsOther = aCase("wang");
    var lis = aCase("li");
    logged(wangs, "华信资产管理", "0755-1234 5678", 0);
    logged(wangs, "华信资产管理", "0755-1234 5678", 1);
    logged(wangsOther, "华信 资产管理", "+86 755 12345678", 2);
    logged(lis, "华信资产管理", "075512345678", 3);
    logged(lis, "Ａcme 催收", null, 4);

    var agencies = directory.page(DirectoryEntry.Kind.AGENCY, null, 0, 10);
    assertThat(agencies.total()).isEqualTo(2);
    assertThat(agencies.items().getFirst().label()).isEqualTo("华信资产管理");
    assertThat(agencies.items().getFirst().clients()).isEqualTo(3);
    var numbers = directory.page(DirectoryEntry.Kind.NUMBER, null, 0, 10).items();
    assertThat(numbers)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.key()).isEqualTo("+8675512345678");
              assertThat(n.clients()).isEqualTo(3);
            });
    // searching by the number as written, or the agency in another width
    assertThat(directory.page(DirectoryEntry.Kind.NUMBER, "12345678", 0, 10).total()).isEqualTo(1);
    assertThat(directory.page(DirectoryEntry.Kind.NUMBER, "华信", 0, 10).total())
        .as("text without digits finds no number")
        .isZero();
    assertThat(directory.page(DirectoryEntry.Kind.AGENCY, "acme", 0, 10).total()).isEqualTo(1);

    var number = numbers.getFirst().id();
    assertThat(
            directory.reached(number, org.clearpath.domain.shared.Reach.everyone(), 0, 10).total())
        .isEqualTo(3);
    var wangSees =
        directory.reached(
            number, org.clearpath.domain.shared.Reach.caseload(new UserId("wang")), 0, 10);
    assertThat(wangSees.items())
        .extracting(r -> r.caseId())
        .containsExactly(wangsOther, wangs); // most recent first
    assertThat(wangSees.items().get(1).contacts()).isEqualTo(2);
    assertThat(directory.known("+8675512345678"))
        .hasValueSatisfying(k -> assertThat(k.agency()).isEqualTo("华信资产管理"));
    assertThat(directory.known("+8613800000000")).isEmpty();
  }

  @Test
  void a_merged_entry_counts_with_the_one_it_joined_and_later_contacts_follow_it() {
    var one = aCase("zhou");
    var two = aCase("zhou");
    logged(one, "宏达律师事务所", null, 0);
    logged(two, "宏达律所", null, 1);
    logged(one, "宏达律所", null, 2);
    var into = agency("宏达律师事务所");
    var from = agency("宏达律所");
    assertThat(into.clients()).isEqualTo(1);
    assertThat(from.clients()).isEqualTo(2);

    assertThatThrownBy(() -> directory.merge(from.id(), into.id(), into.version() + 1))
        .isInstanceOf(StaleVersion.class);
    directory.merge(from.id(), into.id(), into.version());
    var merged = directory.find(from.id()).orElseThrow();
    assertThat(merged.id())
        .as("the merged entry is found as the one it joined")
        .isEqualTo(into.id());
    assertThat(merged.clients()).isEqualTo(2);
    assertThat(directory.page(DirectoryEntry.Kind.AGENCY, "宏达", 0, 10).total()).isEqualTo(1);
    assertThat(
            directory
                .reached(into.id(), org.clearpath.domain.shared.Reach.everyone(), 0, 10)
                .items())
        .filteredOn(r -> r.caseId().equals(one))
        .singleElement()
        .satisfies(r -> assertThat(r.contacts()).isEqualTo(2));

    var three = aCase("zhou");
    logged(three, "宏达律所", null, 3);
    assertThat(directory.find(into.id()).orElseThrow().clients()).isEqualTo(3);
  }
}
