package org.clearpath.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.junit.jupiter.api.Test;

/** The CSV export reads the caseload page after page: more than two pages of 200 here. */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class CaseCsvApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject CaseFileService cases;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  @Test
  void every_case_once_across_pages() {
    var wang = User.with("counselor");
    for (int i = 0; i < 450; i++) {
      cases.open(
          new OpenCase(new ClientName("来访者 " + i), Optional.empty()),
          ApiTestSupport.counselor(wang));
    }
    var response =
        ApiTestSupport.send(
            http,
            HttpRequest.GET("/api/cases/export.csv?sort=client")
                .bearerAuth(ApiTestSupport.tokenFor(tokens, wang)));
    assertThat(response.code()).isEqualTo(200);
    var lines = ApiTestSupport.bodyOf(response).strip().split("\r\n");
    assertThat(lines).hasSize(1 + 450);
    var names = new HashSet<String>();
    for (int i = 1; i < lines.length; i++) {
      names.add(lines[i].split(",")[1]);
    }
    assertThat(names).hasSize(450);
  }
}
