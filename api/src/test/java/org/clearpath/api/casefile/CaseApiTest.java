package org.clearpath.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.bodyOf;
import static org.clearpath.api.testing.ApiTestSupport.json;
import static org.clearpath.api.testing.ApiTestSupport.jsonList;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every role against every case endpoint, on a real PostgreSQL, with Keycloak-shaped tokens. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService service;

  private final User wang = User.with("counselor");
  private final User li = User.with("counselor");
  private final User supervisor = User.with("supervisor");
  private final User chen = User.with("client");
  private final User liu = User.with("client");
  private final User nobody = User.with();
  private CaseFile chensCase;
  private CaseFile liusCase;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  @BeforeAll
  void twoCounselorsWithOneClientEach() {
    chensCase = service.open(new OpenCase(new ClientName("陈小明"), login(chen)), actor(wang));
    liusCase = service.open(new OpenCase(new ClientName("刘芳"), login(liu)), actor(li));
  }

  private static Optional<UserId> login(User client) {
    return Optional.of(new UserId(client.id()));
  }

  private static Actor actor(User user) {
    return new Actor(new UserId(user.id()), user.username(), Set.of(Role.COUNSELOR));
  }

  private HttpResponse<String> as(User user, io.micronaut.http.MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private List<String> caseIdsSeenBy(User user) {
    var response = as(user, HttpRequest.GET("/api/cases"));
    assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());
    return jsonList(mapper, response).stream().map(c -> (String) c.get("id")).toList();
  }

  @Test
  void without_a_login_every_api_call_is_401_as_a_problem() {
    for (var request :
        List.of(
            HttpRequest.GET("/api/cases"),
            HttpRequest.GET("/api/me"),
            HttpRequest.GET("/api/cases/" + chensCase.id()))) {
      var response = send(http, request);
      assertThat(response.code())
          .as(request.getPath())
          .isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
      assertThat(response.getContentType()).contains(MediaType.of("application/problem+json"));
    }
  }

  @Test
  void a_token_signed_by_someone_else_is_refused() {
    var forged =
        ApiTestSupport.tokenFor(tokens, supervisor).substring(0, 40) + "x" + "tampered.signature";
    assertThat(send(http, HttpRequest.GET("/api/cases").bearerAuth(forged)).code())
        .isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
  }

  @Test
  void me_names_the_keycloak_user_and_realm_roles() {
    var response = as(wang, HttpRequest.GET("/api/me"));
    var me = json(mapper, response);
    assertThat(me).containsEntry("id", wang.id()).containsEntry("username", wang.username());
    assertThat(me.get("roles")).isEqualTo(List.of("counselor"));
    assertThat(response.getHeaders().getAll("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN="));
  }

  @Test
  void a_counselor_sees_only_their_own_caseload() {
    assertThat(caseIdsSeenBy(wang))
        .contains(chensCase.id().toString())
        .doesNotContain(liusCase.id().toString());
    assertThat(as(wang, HttpRequest.GET("/api/cases/" + chensCase.id())).code())
        .isEqualTo(HttpStatus.OK.getCode());
    var other = as(wang, HttpRequest.GET("/api/cases/" + liusCase.id()));
    assertThat(other.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    assertThat(bodyOf(other)).doesNotContain("刘芳");
  }

  @Test
  void a_supervisor_sees_every_case() {
    assertThat(caseIdsSeenBy(supervisor))
        .contains(chensCase.id().toString(), liusCase.id().toString());
    assertThat(as(supervisor, HttpRequest.GET("/api/cases/" + liusCase.id())).code())
        .isEqualTo(HttpStatus.OK.getCode());
    assertThat(as(supervisor, HttpRequest.GET("/api/cases/" + liusCase.id() + "/audit")).code())
        .isEqualTo(HttpStatus.OK.getCode());
  }

  @Test
  void a_client_sees_their_own_case_and_nothing_else() {
    assertThat(caseIdsSeenBy(chen)).containsExactly(chensCase.id().toString());
    var own = json(mapper, as(chen, HttpRequest.GET("/api/cases/" + chensCase.id())));
    assertThat(own).containsEntry("clientName", "陈小明");
    assertThat(as(chen, HttpRequest.GET("/api/cases/" + liusCase.id())).code())
        .isEqualTo(HttpStatus.NOT_FOUND.getCode());
  }

  @Test
  void a_client_never_sees_the_internal_audit_trail_even_of_their_own_case() {
    assertThat(as(chen, HttpRequest.GET("/api/cases/" + chensCase.id() + "/audit")).code())
        .isEqualTo(HttpStatus.FORBIDDEN.getCode());
    assertThat(as(chen, HttpRequest.GET("/api/cases/" + liusCase.id() + "/audit")).code())
        .isEqualTo(HttpStatus.NOT_FOUND.getCode());
    assertThat(as(li, HttpRequest.GET("/api/cases/" + chensCase.id() + "/audit")).code())
        .isEqualTo(HttpStatus.NOT_FOUND.getCode());
  }

  @Test
  void someone_without_a_clearpath_role_gets_nothing() {
    assertThat(as(nobody, HttpRequest.GET("/api/cases")).code())
        .isEqualTo(HttpStatus.FORBIDDEN.getCode());
    assertThat(as(nobody, HttpRequest.GET("/api/cases/" + chensCase.id())).code())
        .isEqualTo(HttpStatus.FORBIDDEN.getCode());
    assertThat(as(nobody, HttpRequest.POST("/api/cases", Map.of("clientName", "X"))).code())
        .isEqualTo(HttpStatus.FORBIDDEN.getCode());
  }

  @Test
  void a_counselor_opens_a_case_that_lands_in_their_caseload_with_an_audit_entry() {
    var counselor = User.with("counselor");
    var response = as(counselor, HttpRequest.POST("/api/cases", Map.of("clientName", "  王丽 ")));

    assertThat(response.code()).isEqualTo(HttpStatus.CREATED.getCode());
    @SuppressWarnings("unchecked")
    var created = (Map<String, Object>) json(mapper, response).get("caseFile");
    assertThat(created).containsEntry("clientName", "王丽").containsEntry("status", "OPEN");
    assertThat(response.header("Location")).isEqualTo("/api/cases/" + created.get("id"));
    assertThat(caseIdsSeenBy(counselor)).containsExactly((String) created.get("id"));
    var audit =
        jsonList(
            mapper, as(counselor, HttpRequest.GET("/api/cases/" + created.get("id") + "/audit")));
    assertThat(audit)
        .extracting(e -> e.get("action"))
        .containsExactly("case.opened", "stage.changed");
    assertThat(audit.getFirst()).containsEntry("actorName", counselor.username());
    // the stage is recorded for the calendar day in the configured zone (Asia/Shanghai by default)
    var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    assertThat(audit.getLast().get("details"))
        .isEqualTo(
            Map.of(
                "to",
                "CURRENT",
                "reason",
                "no debts recorded yet",
                "reasonCode",
                "stage.no-debts",
                "on",
                today));
    assertThat(created).containsEntry("stage", "CURRENT");
  }

  @Test
  void supervisors_and_clients_cannot_open_cases() {
    for (var user : List.of(supervisor, chen)) {
      assertThat(as(user, HttpRequest.POST("/api/cases", Map.of("clientName", "X"))).code())
          .isEqualTo(HttpStatus.FORBIDDEN.getCode());
    }
  }

  @Test
  void bad_input_is_a_400_problem_naming_the_field_and_nothing_is_stored() {
    var counselor = User.with("counselor");
    for (var body :
        List.<Object>of(
            Map.of(),
            Map.of("clientName", "   "),
            Map.of("clientName", "名".repeat(201)),
            Map.of("clientName", "Chen", "portalLogin", Map.of("username", "has space")),
            Map.of(
                "clientName",
                "Chen",
                "portalLogin",
                Map.of("username", "chen", "email", "nope")))) {
      var response = as(counselor, HttpRequest.POST("/api/cases", body));
      assertThat(response.code()).as(body.toString()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
      assertThat(response.getContentType()).contains(MediaType.of("application/problem+json"));
      @SuppressWarnings("unchecked")
      var errors = (List<Map<String, String>>) json(mapper, response).get("errors");
      assertThat(errors)
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.get("field"))
                      .isIn("clientName", "portalLogin.username", "portalLogin.email"));
    }
    assertThat(caseIdsSeenBy(counselor)).isEmpty();
  }

  @Test
  void malformed_json_is_a_400_problem_not_a_500() {
    var response =
        as(
            wang,
            HttpRequest.POST("/api/cases", "{\"clientName\": ")
                .contentType(MediaType.APPLICATION_JSON));
    assertThat(response.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    assertThat(response.getContentType()).contains(MediaType.of("application/problem+json"));
  }

  @Test
  void an_id_that_is_not_a_case_id_is_simply_not_found() {
    assertThat(as(supervisor, HttpRequest.GET("/api/cases/not-a-uuid")).code())
        .isEqualTo(HttpStatus.NOT_FOUND.getCode());
    assertThat(as(supervisor, HttpRequest.GET("/api/cases/" + UUID.randomUUID())).code())
        .isEqualTo(HttpStatus.NOT_FOUND.getCode());
  }

  @Test
  void with_the_session_cookie_a_change_needs_the_csrf_token() {
    var counselor = User.with("counselor");
    var session = ApiTestSupport.tokenFor(tokens, counselor);
    var noToken =
        send(
            http,
            HttpRequest.POST("/api/cases", Map.of("clientName", "A"))
                .cookie(io.micronaut.http.cookie.Cookie.of("JWT", session)));
    assertThat(noToken.code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
    var wrongToken =
        send(
            http,
            HttpRequest.POST("/api/cases", Map.of("clientName", "A"))
                .cookie(io.micronaut.http.cookie.Cookie.of("JWT", session))
                .cookie(io.micronaut.http.cookie.Cookie.of("XSRF-TOKEN", "abc"))
                .header("X-XSRF-TOKEN", "abd"));
    assertThat(wrongToken.code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
    assertThat(caseIdsSeenBy(counselor)).isEmpty();

    var withToken =
        send(
            http,
            HttpRequest.POST("/api/cases", Map.of("clientName", "A"))
                .cookies(
                    Set.of(
                        io.micronaut.http.cookie.Cookie.of("JWT", session),
                        io.micronaut.http.cookie.Cookie.of("XSRF-TOKEN", "abc")))
                .header("X-XSRF-TOKEN", "abc"));
    assertThat(withToken.code()).isEqualTo(HttpStatus.CREATED.getCode());
  }

  @Test
  void health_openapi_and_the_web_ui_are_public_and_hold_no_data() {
    var health = send(http, HttpRequest.GET("/health"));
    assertThat(health.code()).isEqualTo(HttpStatus.OK.getCode());
    assertThat(bodyOf(health)).contains("UP");
    // even to someone logged in, health names no database, user or disk
    var asCounselor =
        bodyOf(
            send(
                http,
                HttpRequest.GET("/health").bearerAuth(ApiTestSupport.tokenFor(tokens, wang))));
    assertThat(asCounselor).contains("UP").doesNotContain("jdbc").doesNotContain("details");
    var page = send(http, HttpRequest.GET("/cases/" + chensCase.id()));
    assertThat(page.code()).isEqualTo(HttpStatus.OK.getCode());
    assertThat(bodyOf(page)).contains("<div id=\"root\">").doesNotContain("陈小明");
    var openapi = send(http, HttpRequest.GET("/openapi/clearpath-0.1.yml"));
    assertThat(openapi.code()).isEqualTo(HttpStatus.OK.getCode());
    assertThat(bodyOf(openapi)).contains("/api/cases");
  }

  @Test
  void unknown_routes_answer_with_a_problem() {
    var response = as(supervisor, HttpRequest.GET("/api/no-such-thing"));
    assertThat(response.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    assertThat(response.getContentType()).contains(MediaType.of("application/problem+json"));
  }
}
