package org.clearpath.api.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.ClientPortalAccounts;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.casefile.PortalLogin;
import org.clearpath.domain.erasure.ErasingCases;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An erased case's portal login is removed after the erasure's transaction: the erasure leaves its
 * id, the removal retires the account (here a recording identity provider; Keycloak in the browser
 * suite) and audits it on the case. A login the same client still has for another case stays, and a
 * removal the provider refused is tried again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalLoginRemovalApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;
  @Inject ErasingCases erasing;

  private Map<String, String> properties;
  private final User wang = User.with("counselor");
  private final User supervisor = User.with("supervisor");

  @Override
  public Map<String, String> getProperties() {
    properties = new HashMap<>(ApiTestSupport.properties());
    // the test removes them itself, with its own identity provider
    properties.put("clearpath.erasure.logins.enabled", "false");
    return properties;
  }

  /** The identity provider's side: which accounts were retired; it fails while {@code down}. */
  private static final class Accounts implements ClientPortalAccounts {
    final List<UserId> retired = new ArrayList<>();
    boolean down;

    @Override
    public NewAccount create(PortalLogin login, ClientName name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void remove(UserId id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void retire(UserId id) {
      if (down) {
        throw new IllegalStateException("the identity provider is down");
      }
      retired.add(id);
    }
  }

  private CaseFile aCase(User client, String name) {
    return cases.open(
        new OpenCase(new ClientName(name), Optional.of(new UserId(client.id()))),
        ApiTestSupport.counselor(wang));
  }

  private HttpResponse<String> post(User user, String uri, Object body) {
    return ApiTestSupport.send(
        http, HttpRequest.POST(uri, body).bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private void erase(CaseFile caseFile) {
    var asked = post(wang, "/api/cases/" + caseFile.id() + "/erasure-requests", Map.of());
    assertThat(asked.code()).as(ApiTestSupport.bodyOf(asked)).isEqualTo(201);
    var id = ApiTestSupport.json(mapper, asked).get("id");
    var erased =
        post(supervisor, "/api/erasure-requests/" + id + "/approval", Map.of("version", 0));
    assertThat(erased.code()).as(ApiTestSupport.bodyOf(erased)).isEqualTo(200);
  }

  private List<String> waiting() throws Exception {
    var logins = new ArrayList<String>();
    try (var connection = ApiTestSupport.database(properties);
        var rows =
            connection
                .createStatement()
                .executeQuery("select login_id from portal_login_removal")) {
      while (rows.next()) {
        logins.add(rows.getString(1));
      }
    }
    return logins;
  }

  private List<String> auditOf(CaseFile caseFile) throws Exception {
    var entries = new ArrayList<String>();
    try (var connection = ApiTestSupport.database(properties);
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "select actor_id || ' ' || action || ' ' || details::text from audit_entry"
                        + " where case_id = '"
                        + caseFile.id()
                        + "' and action like 'portal-login.%'")) {
      while (rows.next()) {
        entries.add(rows.getString(1));
      }
    }
    return entries;
  }

  @Test
  void the_login_goes_after_the_erasure_unless_another_case_has_it_and_again_after_a_failure()
      throws Exception {
    var chen = User.with("client");
    var liu = User.with("client");
    var chensFirst = aCase(chen, "陈小明");
    var chensSecond = aCase(chen, "陈小明");
    var lius = aCase(liu, "刘芳");
    erase(chensFirst);
    erase(lius);
    assertThat(waiting()).contains(chen.id(), liu.id());

    // Keycloak is down: 刘芳's login waits; 陈小明's is kept, as his other case has it
    var accounts = new Accounts();
    accounts.down = true;
    var whileDown = erasing.removeLogins(accounts);
    assertThat(whileDown.refused()).isEqualTo(1);
    assertThat(whileDown.done()).isEqualTo(1);
    assertThat(waiting()).contains(liu.id()).doesNotContain(chen.id());
    assertThat(auditOf(lius)).isEmpty();
    assertThat(auditOf(chensFirst))
        .containsExactly(
            "system:erasure portal-login.removed {\"account\": \"kept-for-another-case\"}");

    // it is back: 刘芳's login goes
    accounts.down = false;
    assertThat(erasing.removeLogins(accounts).refused()).isZero();
    assertThat(accounts.retired).containsExactly(new UserId(liu.id()));
    assertThat(waiting()).doesNotContain(liu.id());
    assertThat(auditOf(lius))
        .containsExactly("system:erasure portal-login.removed {\"account\": \"removed\"}");

    // his second case erased too, his login goes; once only
    erase(chensSecond);
    erasing.removeLogins(accounts);
    erasing.removeLogins(accounts);
    assertThat(accounts.retired).containsExactly(new UserId(liu.id()), new UserId(chen.id()));
    assertThat(auditOf(chensSecond)).hasSize(1);
    assertThat(waiting()).doesNotContain(chen.id());
  }
}
