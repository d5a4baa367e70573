package org.clearpath.api.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.debt.Amounts;
import org.clearpath.domain.debt.Debt;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.DebtStatus;
import org.clearpath.domain.debt.Debts;
import org.clearpath.domain.debt.Due;
import org.clearpath.domain.debt.Lender;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.debt.LenderKind;
import org.clearpath.domain.debt.Lenders;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Money;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.StandingChanges;
import org.clearpath.domain.stage.StageHistory;
import org.clearpath.domain.stage.StagePeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The one mechanism by which stages follow writes: once per case, just before the commit. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StagesFollowStandingTest implements TestPropertyProvider {
  @Inject CaseFileService cases;
  @Inject Debts debts;
  @Inject Lenders lenders;
  @Inject StageHistory history;
  @Inject StandingChanges standing;
  @Inject StagesFollowStanding follower;
  @Inject StageSettings settings;
  @Inject Clock clock;
  @Inject TransactionOperations<Connection> transactions;
  @Inject JdbcOperations jdbc;

  private final User wang = User.with("counselor");

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  private CaseId aCase() {
    return cases
        .open(new OpenCase(new ClientName("陈小明"), Optional.empty()), ApiTestSupport.counselor(wang))
        .id();
  }

  private void owe(CaseId caseId, Lender lender, int daysOverdue) {
    var today = settings.today(clock);
    var amount = Money.of("1000.00", "CNY");
    var zero = Money.of("0", "CNY");
    debts.add(
        new Debt(
            new DebtId(UUID.randomUUID()),
            caseId,
            lender,
            null,
            new Amounts(amount, zero, zero, zero),
            List.of(new Due(today.minusDays(daysOverdue), amount)),
            List.of(),
            DebtStatus.OPEN,
            0));
  }

  private Lender aLender() {
    var lender =
        new Lender(
            new LenderId(UUID.randomUUID()),
            "招联金融 " + UUID.randomUUID(),
            LenderKind.CONSUMER_FINANCE);
    lenders.add(lender);
    return lender;
  }

  private Stage stageOf(CaseId caseId) {
    return history.of(caseId).getLast().stage();
  }

  private long stageChanges(CaseId caseId) {
    return transactions.executeRead(
        status ->
            jdbc.prepareStatement(
                "select count(*) from audit_entry where case_id = ? and action = 'stage.changed'",
                statement -> {
                  statement.setObject(1, caseId.value());
                  try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                  }
                }));
  }

  @Test
  void several_writes_in_one_transaction_move_each_case_once_just_before_it_commits() {
    var lender = aLender();
    var a = aCase();
    var b = aCase();
    assertThat(history.of(a)).extracting(StagePeriod::stage).containsExactly(Stage.CURRENT);
    var opened = stageChanges(a); // its first period

    var insideTheTransaction =
        transactions.executeWrite(
            status -> {
              owe(a, lender, 3);
              owe(a, lender, 40);
              owe(b, lender, 10);
              return List.of(stageOf(a), stageOf(b));
            });

    assertThat(insideTheTransaction)
        .as("not yet while the transaction still writes")
        .containsExactly(Stage.CURRENT, Stage.CURRENT);
    assertThat(stageOf(a)).isEqualTo(Stage.LATE);
    assertThat(stageOf(b)).isEqualTo(Stage.MID);
    assertThat(stageChanges(a) - opened).as("three writes, one change").isEqualTo(1);
    assertThat(stageChanges(b) - opened).isEqualTo(1);
    assertThat(follower.waiting()).isZero();
  }

  @Test
  void a_transaction_that_rolls_back_moves_no_stage_and_leaves_nothing_waiting() {
    var lender = aLender();
    var a = aCase();
    var opened = stageChanges(a);
    assertThatThrownBy(
            () ->
                transactions.executeWrite(
                    status -> {
                      owe(a, lender, 40);
                      throw new IllegalArgumentException("the counselor's request fails later");
                    }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(stageOf(a)).isEqualTo(Stage.CURRENT);
    assertThat(stageChanges(a)).isEqualTo(opened);
    assertThat(follower.waiting()).isZero();

    owe(a, lender, 40); // in the store's own transaction
    assertThat(stageOf(a)).isEqualTo(Stage.LATE);
  }

  @Test
  void telling_it_outside_a_writing_transaction_is_refused() {
    var a = aCase();
    assertThatThrownBy(() -> standing.changed(a))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside a transaction");
    assertThatThrownBy(
            () ->
                transactions.executeRead(
                    status -> {
                      standing.changed(a);
                      return null;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("read-only");
    assertThat(follower.waiting()).isZero();
  }
}
