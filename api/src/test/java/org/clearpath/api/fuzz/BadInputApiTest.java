package org.clearpath.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Input that used to cost seconds of CPU or answer 500, and tokens from the wrong place. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject org.clearpath.api.security.ValidatedTokens validatedTokens;
  @Inject CaseFileService cases;
  @Inject io.micronaut.context.env.Environment environment;

  private final User wang = User.with("counselor");

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  private String caseId() {
    return cases
        .open(new OpenCase(new ClientName("陈小明"), Optional.empty()), ApiTestSupport.counselor(wang))
        .id()
        .toString();
  }

  private io.micronaut.http.HttpResponse<String> as(
      io.micronaut.http.MutableHttpRequest<?> request) {
    return ApiTestSupport.send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, wang)));
  }

  @SuppressWarnings("unchecked")
  private String field(io.micronaut.http.HttpResponse<String> response) {
    assertThat(response.code()).as(ApiTestSupport.bodyOf(response)).isEqualTo(400);
    assertThat(response.getContentType().orElseThrow().toString())
        .startsWith("application/problem+json");
    var errors = (List<Map<String, String>>) ApiTestSupport.json(mapper, response).get("errors");
    return errors.getFirst().get("field");
  }

  @Test
  void an_amount_with_an_exponent_is_refused_by_its_text_at_once() {
    var id = caseId();
    for (var amount :
        List.of("1E-200000000", "1e5", "12345678901234", "1.005", "+3", "0x10", " ")) {
      var started = System.nanoTime();
      var response =
          as(
              HttpRequest.GET(
                  "/api/cases/"
                      + id
                      + "/plans/split?currency=CNY&amount="
                      + java.net.URLEncoder.encode(
                          amount, java.nio.charset.StandardCharsets.UTF_8)));
      var millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(field(response)).as(amount).isEqualTo("amount");
      System.out.println("[bad input] amount " + amount + " refused in " + millis + " ms");
    }
    // the parser itself, without HTTP: microseconds, where BigDecimal arithmetic took seconds
    var rounds = 10_000;
    var parseStarted = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      try {
        org.clearpath.api.problem.Inputs.money(
            "amount", "1E-200000000", java.util.Currency.getInstance("CNY"), false);
      } catch (org.clearpath.domain.shared.InvalidInput expected) {
        // refused, as it must be
      }
    }
    var perCallMicros = (System.nanoTime() - parseStarted) / 1_000.0 / rounds;
    System.out.printf("[bad input] Inputs.money refuses 1E-200000000 in %.2f µs%n", perCallMicros);
    assertThat(perCallMicros).isLessThan(10_000);
    // after warm-up, the worst case is cheap: the text is refused before any arithmetic
    var started = System.nanoTime();
    field(
        as(HttpRequest.GET("/api/cases/" + id + "/plans/split?currency=CNY&amount=1E-200000000")));
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(100);
    // a plain amount passes the text check: what is left to say is about the case
    var plain =
        as(HttpRequest.GET("/api/cases/" + id + "/plans/split?currency=CNY&amount=1200.50"));
    assertThat(ApiTestSupport.bodyOf(plain)).contains("no open debt");
  }

  @Test
  void control_characters_in_a_query_a_path_or_a_json_field_are_named() {
    var id = caseId();
    assertThat(field(as(HttpRequest.GET("/api/cases?q=%00")))).isEqualTo("q");
    assertThat(field(as(HttpRequest.GET("/api/cases/" + id + "%07/debts")))).isEqualTo("path");
    var contact =
        Map.of(
            "localTime", "2026-11-30T10:00",
            "zone", "Asia/Shanghai",
            "direction", "INBOUND",
            "channel", "PHONE",
            "contacted", "CLIENT",
            "collectorName", "张\u0000三",
            "summary", "第一行\n第二行");
    assertThat(field(as(HttpRequest.POST("/api/cases/" + id + "/contacts", contact))))
        .isEqualTo("collectorName");
    // newlines stay allowed in a multi-line text
    var fine = new java.util.HashMap<>(contact);
    fine.put("collectorName", "张三");
    var logged = as(HttpRequest.POST("/api/cases/" + id + "/contacts", fine));
    assertThat(logged.code()).as(ApiTestSupport.bodyOf(logged)).isEqualTo(201);
  }

  @Test
  void a_keycloak_signed_token_needs_the_realm_issuer_an_api_client_and_typ_bearer() {
    var issuer = "http://127.0.0.1:9/realms/clearpath";
    var bearer =
        new org.clearpath.api.security.BearerTokenRules(
            validatedTokens, "http://127.0.0.1:9", "clearpath", List.of(), environment, mapper);
    java.util.function.Function<String, Optional<String>> rules = bearer::refusal;
    assertThat(
            rules.apply(
                jwt("RS256", Map.of("iss", issuer, "typ", "Bearer", "azp", "clearpath-dev-cli"))))
        .as("the dev client in the test environment is not an API client")
        .isPresent();
    assertThat(
            rules.apply(jwt("RS256", Map.of("iss", issuer, "typ", "Bearer", "azp", "partner-app"))))
        .get()
        .asString()
        .contains("partner-app");
    assertThat(
            rules.apply(
                jwt(
                    "RS256",
                    Map.of("iss", "http://evil/realms/clearpath", "typ", "Bearer", "azp", "x"))))
        .get()
        .asString()
        .contains("issued by");
    assertThat(
            rules.apply(
                jwt("RS256", Map.of("iss", issuer, "typ", "ID", "azp", "clearpath-dev-cli"))))
        .get()
        .asString()
        .contains("not an access token");
    assertThat(rules.apply("not.a.jwt.at-all")).isPresent();
    assertThat(rules.apply(jwt("HS256", Map.of("sub", "session")))).as("our own session").isEmpty();
    // through the API: 401 before anything else
    var response =
        ApiTestSupport.send(
            http,
            HttpRequest.GET("/api/cases")
                .bearerAuth(
                    jwt("RS256", Map.of("iss", issuer, "typ", "Bearer", "azp", "partner-app"))));
    assertThat(response.code()).isEqualTo(401);
    assertThat(ApiTestSupport.bodyOf(response)).contains("partner-app");
  }

  @Test
  void outside_dev_the_committed_secrets_and_short_session_keys_are_refused_by_name() {
    var problems =
        org.clearpath.api.security.ProductionSecrets.problems(
            "dev-only-web-secret-change-me", "a-real-service-secret", "short");
    assertThat(String.join(" | ", problems))
        .contains("CLEARPATH_WEB_CLIENT_SECRET")
        .doesNotContain("CLEARPATH_SERVICE_CLIENT_SECRET")
        .contains("CLEARPATH_SESSION_SECRET");
    assertThat(
            org.clearpath.api.security.ProductionSecrets.problems(
                "w".repeat(40), "s".repeat(40), "k".repeat(48)))
        .isEmpty();
  }

  @Test
  void the_app_does_not_start_outside_dev_with_the_committed_client_secret() {
    var props = new java.util.HashMap<String, Object>(ApiTestSupport.properties());
    props.put(
        "micronaut.security.oauth2.clients.keycloak.client-secret",
        "dev-only-web-secret-change-me");
    props.put("micronaut.server.port", -1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                io.micronaut.context.ApplicationContext.builder()
                    .deduceEnvironment(false)
                    .properties(props)
                    .start()
                    .close())
        .hasStackTraceContaining("refusing to start outside the dev environment")
        .hasStackTraceContaining("CLEARPATH_WEB_CLIENT_SECRET");
  }

  private static String jwt(String alg, Map<String, Object> claims) {
    var encoder = Base64.getUrlEncoder().withoutPadding();
    try {
      var mapper = io.micronaut.json.JsonMapper.createDefault();
      return encoder.encodeToString(mapper.writeValueAsBytes(Map.of("alg", alg, "typ", "JWT")))
          + "."
          + encoder.encodeToString(mapper.writeValueAsBytes(claims))
          + ".c2lnbmF0dXJl";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
