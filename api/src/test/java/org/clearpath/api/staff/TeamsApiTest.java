package org.clearpath.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpath.api.testing.ApiTestSupport.bodyOf;
import static org.clearpath.api.testing.ApiTestSupport.json;
import static org.clearpath.api.testing.ApiTestSupport.jsonList;
import static org.clearpath.api.testing.ApiTestSupport.send;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
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
import java.util.UUID;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.staff.Team;
import org.clearpath.domain.staff.Teams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Teams through the API: a supervisor reaches their team's cases and those of counselors in no
 * team, never another team's (by list, by id, by hand-over); a director reaches every team; only an
 * admin manages teams. Members are put in teams through the store here (choosing them asks
 * Keycloak, which the end-to-end suite has).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsApiTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject TokenGenerator tokens;
  @Inject JsonMapper mapper;
  @Inject CaseFileService cases;
  @Inject Teams teams;

  private final User wang = User.with("counselor");
  private final User chen = User.with("counselor");
  private final User alone = User.with("counselor");
  private final User li = User.with("supervisor");
  private final User zhou = User.with("supervisor");
  private final User director = User.with("director");
  private final User admin = User.with("admin");
  private CaseFile wangs;
  private CaseFile chens;
  private CaseFile alones;

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  private static Team.Member member(User user) {
    return new Team.Member(new UserId(user.id()), user.username());
  }

  @BeforeAll
  void twoTeamsAndACounselorInNone() {
    wangs =
        cases.open(
            new OpenCase(new ClientName("王芳"), Optional.empty()), ApiTestSupport.counselor(wang));
    chens =
        cases.open(
            new OpenCase(new ClientName("陈静"), Optional.empty()), ApiTestSupport.counselor(chen));
    alones =
        cases.open(
            new OpenCase(new ClientName("刘洋"), Optional.empty()), ApiTestSupport.counselor(alone));
    for (var t :
        List.of(
            new Team(
                UUID.randomUUID(),
                "东区-" + UUID.randomUUID(),
                List.of(member(li)),
                List.of(member(wang)),
                0),
            new Team(
                UUID.randomUUID(),
                "西区-" + UUID.randomUUID(),
                List.of(member(zhou)),
                List.of(member(chen)),
                0))) {
      teams.add(new Team(t.id(), t.name(), List.of(), List.of(), 0));
      teams.change(t, 0);
    }
  }

  private HttpResponse<String> as(User user, MutableHttpRequest<?> request) {
    return send(http, request.bearerAuth(ApiTestSupport.tokenFor(tokens, user)));
  }

  private List<String> caseload(User user, User counselor) {
    var response = as(user, HttpRequest.GET("/api/cases?size=200&counselor=" + counselor.id()));
    assertThat(response.code()).as(bodyOf(response)).isEqualTo(200);
    return jsonList(mapper, response).stream().map(c -> (String) c.get("id")).toList();
  }

  @Test
  void a_supervisor_reaches_their_team_and_counselors_in_no_team_and_a_director_every_team() {
    assertThat(caseload(li, wang)).containsExactly(wangs.id().toString());
    assertThat(caseload(li, alone)).containsExactly(alones.id().toString());
    assertThat(caseload(li, chen)).isEmpty();
    assertThat(caseload(zhou, chen)).containsExactly(chens.id().toString());
    assertThat(caseload(zhou, wang)).isEmpty();
    assertThat(caseload(director, wang)).containsExactly(wangs.id().toString());
    assertThat(caseload(director, chen)).containsExactly(chens.id().toString());

    // another team's case by its id: as if it did not exist, for the case and what hangs on it
    for (var path : List.of("", "/debts", "/contacts", "/audit", "/reviews", "/wellbeing")) {
      assertThat(as(li, HttpRequest.GET("/api/cases/" + chens.id() + path)).code())
          .as(path)
          .isEqualTo(404);
      assertThat(as(li, HttpRequest.GET("/api/cases/" + wangs.id() + path)).code())
          .as(path)
          .isEqualTo(200);
      assertThat(as(director, HttpRequest.GET("/api/cases/" + chens.id() + path)).code())
          .as(path)
          .isEqualTo(200);
    }
    // nor can the supervisor review it or hand its counselor's cases over
    var review = Map.of("checked", List.of("CONTACT_LOG"), "note", "看过");
    assertThat(as(li, HttpRequest.POST("/api/cases/" + chens.id() + "/reviews", review)).code())
        .isEqualTo(404);
    assertThat(
            as(
                    li,
                    HttpRequest.POST(
                        "/api/staff/" + chen.id() + "/hand-over", Map.of("to", wang.id())))
                .code())
        .isEqualTo(403);
    // a director is a supervisor of every team: the dashboard and My day are theirs too
    assertThat(as(director, HttpRequest.GET("/api/dashboard")).code()).isEqualTo(200);
    assertThat(bodyOf(as(li, HttpRequest.GET("/api/my-day")))).doesNotContain("陈静");
  }

  @Test
  void only_an_admin_lists_creates_changes_and_removes_teams() {
    var someTeam = teams.all().getFirst().id();
    for (var user : List.of(li, director, wang, User.with("client"))) {
      assertThat(as(user, HttpRequest.GET("/api/teams")).code())
          .as(user.roles().toString())
          .isEqualTo(403);
      assertThat(as(user, HttpRequest.POST("/api/teams", Map.of("name", "南区"))).code())
          .isEqualTo(403);
      assertThat(
              as(
                      user,
                      HttpRequest.PUT("/api/teams/" + someTeam, Map.of("name", "南区", "version", 1)))
                  .code())
          .isEqualTo(403);
      assertThat(as(user, HttpRequest.DELETE("/api/teams/" + someTeam + "?version=1")).code())
          .isEqualTo(403);
    }
    assertThat(send(http, HttpRequest.GET("/api/teams")).code()).isEqualTo(401);

    var listed = jsonList(mapper, as(admin, HttpRequest.GET("/api/teams")));
    assertThat(listed)
        .anySatisfy(
            t -> {
              assertThat((String) t.get("name")).startsWith("东区-");
              assertThat(t.get("supervisors").toString()).contains(li.username());
              assertThat(t.get("counselors").toString()).contains(wang.username());
            });

    var blank = as(admin, HttpRequest.POST("/api/teams", Map.of("name", " ")));
    assertThat(blank.code()).isEqualTo(400);
    assertThat(bodyOf(blank)).contains("\"field\":\"name\"");
    var created =
        as(admin, HttpRequest.POST("/api/teams", Map.of("name", "南区-" + UUID.randomUUID())));
    assertThat(created.code()).as(bodyOf(created)).isEqualTo(201);
    var south = json(mapper, created);
    var noVersion =
        as(admin, HttpRequest.PUT("/api/teams/" + south.get("id"), Map.of("name", "南区")));
    assertThat(noVersion.code()).isEqualTo(400);
    assertThat(bodyOf(noVersion)).contains("\"field\":\"version\"");
    assertThat(
            as(
                    admin,
                    HttpRequest.PUT(
                        "/api/teams/" + south.get("id"),
                        Map.of("version", 0, "counselors", List.of("not-an-id"))))
                .code())
        .isEqualTo(400);
    assertThat(as(admin, HttpRequest.DELETE("/api/teams/" + south.get("id") + "?version=3")).code())
        .isEqualTo(409);
    assertThat(as(admin, HttpRequest.DELETE("/api/teams/" + south.get("id") + "?version=0")).code())
        .isEqualTo(204);
    assertThat(as(admin, HttpRequest.DELETE("/api/teams/" + south.get("id") + "?version=0")).code())
        .isEqualTo(404);
  }
}
