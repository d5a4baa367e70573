package org.clearpath.api.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.bodyOf;
import static org.clearpath.api.testing.ApiTestSupport.jsonList;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.api.testing.StatementCounter;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.persistence.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plans list and the supervisors' risk list load plans with their debts, waivers, schedules and
 * payments in bulk: the statements a request runs do not grow with the number of plans.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanListStatementsTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;
  @Inject StatementCounter statements;
  private final Map<String, String> properties = new HashMap<>(ApiTestSupport.properties());

  private final User wang = User.with("counselor");
  private final User supervisor = User.with("supervisor");

  @Override
  public Map<String, String> getProperties() {
    properties.put("clearpath.test.count-statements", "true");
    return properties;
  }

  @Test
  void the_plans_list_of_a_case_runs_as_many_statements_for_six_plans_as_for_one()
      throws Exception {
    var withOne = caseWithPlansAtRisk(1);
    var withSix = caseWithPlansAtRisk(6);
    plansOf(withOne, 1);

    var forOne = statements.during(() -> plansOf(withOne, 1));
    var forSix = statements.during(() -> plansOf(withSix, 6));

    assertThat(forSix).as("statements for six plans").isEqualTo(forOne);
    assertThat(forOne).as("statements for one plan").isBetween(5, 8);
  }

  @Test
  void the_risk_list_runs_as_many_statements_for_twenty_plans_as_for_a_few() throws Exception {
    caseWithPlansAtRisk(2);
    var before = risks();
    risks();
    var forFew = statements.during(this::risks);
    for (int i = 0; i < 6; i++) {
      caseWithPlansAtRisk(3);
    }
    var forMore = statements.during(() -> assertThat(risks()).isEqualTo(before + 18));

    assertThat(forMore).as("statements for " + (before + 18) + " plans").isEqualTo(forFew);
    assertThat(forFew).as("statements for " + before + " plans").isBetween(5, 9);
  }

  private void plansOf(CaseId caseId, int expected) {
    var response =
        send(
            http,
            HttpRequest.GET("/api/cases/" + caseId + "/plans")
                .bearerAuth(ApiTestSupport.tokenFor(tokens, wang)));
    assertThat(response.code()).as(bodyOf(response)).isEqualTo(200);
    var plans = jsonList(mapper, response);
    assertThat(plans).hasSize(expected);
    assertThat(plans)
        .allSatisfy(
            p -> {
              assertThat(p.get("status")).isEqualTo("ACTIVE");
              assertThat(String.valueOf(p.get("debts"))).contains("招联金融");
            });
  }

  /** The supervisor's risk list in one page; how many plans are on it. */
  private int risks() {
    var response =
        send(
            http,
            HttpRequest.GET("/api/plans/risks?page=0&size=100")
                .bearerAuth(ApiTestSupport.tokenFor(tokens, supervisor)));
    assertThat(response.code()).as(bodyOf(response)).isEqualTo(200);
    var risks = jsonList(mapper, response);
    assertThat(risks).allSatisfy(r -> assertThat(r.get("clientName")).isEqualTo("周晓燕"));
    return risks.size();
  }

  /**
   * A case with a debt and {@code plans} active plans of three instalments each: the first was due
   * a month ago, is marked missed and was paid in part.
   */
  private CaseId caseWithPlansAtRisk(int plans) throws SQLException {
    var caseFile =
        cases.open(
            new OpenCase(new ClientName("周晓燕"), Optional.empty()), ApiTestSupport.counselor(wang));
    var caseId = caseFile.id().value();
    var today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    try (var c =
        java.sql.DriverManager.getConnection(
            properties.get("datasources.default.url"),
            properties.get("datasources.default.username"),
            properties.get("datasources.default.password"))) {
      var lender = UUID.randomUUID();
      var debt = UUID.randomUUID();
      var file = UUID.randomUUID();
      Sql.update(
          c,
          "insert into lender (id, name, kind) values (?, ?, 'ONLINE_PLATFORM')",
          lender,
          "招联金融 " + lender);
      Sql.update(
          c,
          "insert into debt (id, case_id, lender_id, currency, principal, interest,"
              + " penalty_interest, fees) values (?, ?, ?, 'CNY', 3000, 0, 0, 0)",
          debt,
          caseId,
          lender);
      Sql.update(
          c,
          "insert into evidence_file (id, case_id, file_name, media_type, size_bytes, sha256,"
              + " source, uploaded_by, uploaded_by_name, uploaded_at) values (?, ?, 'agreement.pdf',"
              + " 'application/pdf', 1, repeat('0', 64), 'STAFF', 'c', 'c', now())",
          file,
          caseId);
      for (int i = 0; i < plans; i++) {
        var plan = UUID.randomUUID();
        Sql.update(
            c,
            "insert into plan (id, case_id, kind, currency, agreed_total, terms, status,"
                + " agreed_on, agreement_file, status_on, created_by, created_by_name, created_at)"
                + " values (?, ?, 'INSTALMENTS', 'CNY', 3000, '', 'ACTIVE', ?, ?, ?, 'c', 'c',"
                + " now())",
            plan,
            caseId,
            today.minusMonths(2),
            file,
            today.minusMonths(1));
        Sql.update(
            c,
            "insert into plan_debt (plan_id, position, debt_id, label, outstanding, share)"
                + " values (?, 0, ?, ?, 3000, 3000)",
            plan,
            debt,
            "招联金融 " + lender);
        Sql.update(
            c,
            "insert into plan_waiver (plan_id, position, kind, amount) values (?, 0, 'FEES', 10)",
            plan);
        for (int n = 1; n <= 3; n++) {
          Sql.update(
              c,
              "insert into plan_instalment (plan_id, number, due_on, amount, missed_on)"
                  + " values (?, ?, ?, 1000, ?)",
              plan,
              n,
              today.minusMonths(1).plusMonths(n - 1),
              n == 1 ? today.minusMonths(1).plusDays(1) : null);
        }
        Sql.update(
            c,
            "insert into plan_payment (id, plan_id, paid_on, amount, recorded_by,"
                + " recorded_by_name, recorded_at) values (?, ?, ?, 400, 'c', 'c', now())",
            UUID.randomUUID(),
            plan,
            today.minusMonths(1));
      }
    }
    return caseFile.id();
  }
}
