package org.clearpath.api.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.api.testing.MovableClock;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The retention job erases a closed case once its jurisdiction's period has passed since it was
 * closed (CN 5 years, US 3, or as configured), never one on legal hold or still open, and once a
 * day across instances.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionApiTest implements TestPropertyProvider {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject CaseFileService cases;
  @Inject RetentionJob job;
  @Inject MovableClock clock;
  private Map<String, String> properties;
  private final User wang = User.with("counselor");

  @Override
  public Map<String, String> getProperties() {
    properties = new HashMap<>(ApiTestSupport.properties());
    properties.put("clearpath.test.movable-clock", "true");
    // the office's own period for the UK; CN and US keep theirs
    properties.put("clearpath.retention.years.uk", "6");
    return properties;
  }

  private CaseFile aCase(String name) {
    return cases.open(
        new OpenCase(new ClientName(name), Optional.empty()), ApiTestSupport.counselor(wang));
  }

  private void sql(String statement) throws Exception {
    ApiTestSupport.sql(properties, statement);
  }

  private int status(CaseFile caseFile) {
    return ApiTestSupport.send(
            http,
            HttpRequest.GET("/api/cases/" + caseFile.id())
                .bearerAuth(ApiTestSupport.tokenFor(tokens, wang)))
        .code();
  }

  @Test
  void closed_cases_past_their_period_are_erased_unless_held_and_open_ones_never()
      throws Exception {
    assertThat(job.periods().years())
        .containsEntry("CN", 5)
        .containsEntry("US", 3)
        .containsEntry("UK", 6);
    var closed = aCase("甲");
    var held = aCase("乙");
    var open = aCase("丙");
    var american = aCase("丁");
    var nowhere = aCase("戊");
    for (var c : java.util.List.of(closed, held, american, nowhere)) {
      sql("update case_file set status = 'CLOSED' where id = '" + c.id() + "'");
    }
    sql("update case_file set jurisdiction = 'US' where id = '" + american.id() + "'");
    // a jurisdiction with no period is kept
    sql("update case_file set jurisdiction = 'FR' where id = '" + nowhere.id() + "'");
    sql(
        "update case_file set legal_hold_reason = '诉讼中', legal_hold_by_name = 'zhao',"
            + " legal_hold_at = now() where id = '"
            + held.id()
            + "'");
    var today = LocalDate.now(SHANGHAI);
    try {
      clock.moveTo(today.plusYears(3).minusDays(1));
      assertThat(job.run()).isZero();
      clock.moveTo(today.plusYears(3).plusDays(1));
      assertThat(job.run()).isEqualTo(1);
      assertThat(status(american)).isEqualTo(404);
      assertThat(status(closed)).isEqualTo(200);
      clock.moveTo(today.plusYears(5).plusDays(1));
      assertThat(job.run()).isEqualTo(1);
      assertThat(status(closed)).isEqualTo(404);
      for (var kept : java.util.List.of(held, open, nowhere)) {
        assertThat(status(kept)).as(kept.clientName().value()).isEqualTo(200);
      }
      // however long: not the one on hold, not the one whose jurisdiction has no period
      clock.moveTo(today.plusYears(20));
      assertThat(job.run()).isZero();
      assertThat(status(nowhere)).isEqualTo(200);
      assertThat(status(held)).isEqualTo(200);
      // reopened, it is no longer closed
      sql(
          "update case_file set status = 'OPEN', jurisdiction = null where id = '"
              + nowhere.id()
              + "'");
      assertThat(job.run()).isZero();
      // the scheduled run claims its day once
      assertThat(job.runToday()).isTrue();
      assertThat(job.runToday()).isFalse();
    } finally {
      clock.moveTo(today);
    }
  }
}
