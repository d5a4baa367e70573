package org.clearpath.api.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.persistence.testing.TestPostgres;

/**
 * Test helpers for the API: a fresh database, and tokens shaped like Keycloak's (sub,
 * preferred_username, realm_access.roles) signed with the test key instead of Keycloak's.
 */
public final class ApiTestSupport {
  public static final String TEST_SIGNING_SECRET = "test-only-signing-secret-0123456789abcdef";

  private ApiTestSupport() {}

  public static Map<String, String> properties() {
    var props = new HashMap<>(TestPostgres.freshDatabase().micronautProperties());
    props.put(
        "micronaut.security.token.jwt.signatures.secret.generator.secret", TEST_SIGNING_SECRET);
    props.put("micronaut.security.oauth2.clients.keycloak.client-secret", "unused-in-these-tests");
    // nothing listens here: these tests never reach Keycloak
    props.put("clearpath.keycloak.url", "http://127.0.0.1:9");
    props.put("clearpath.keycloak.admin-client-secret", "unused");
    props.put("clearpath.public-url", "http://localhost:8080");
    return props;
  }

  /** A connection straight to the test's database, past the app (its properties). */
  public static java.sql.Connection database(Map<String, String> properties)
      throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        properties.get("datasources.default.url"),
        properties.get("datasources.default.username"),
        properties.get("datasources.default.password"));
  }

  /** Runs SQL straight on the test's database, past the app. */
  public static void sql(Map<String, String> properties, String statement)
      throws java.sql.SQLException {
    try (var connection = database(properties);
        var s = connection.createStatement()) {
      s.execute(statement);
    }
  }

  /** Someone with an identity, a username and realm roles. */
  public record User(String id, String username, List<String> roles) {
    public static User with(String... roles) {
      var id = UUID.randomUUID().toString();
      return new User(id, "user-" + id.substring(0, 8), List.of(roles));
    }
  }

  /** The domain actor for a test user acting as a counselor (to set up data directly). */
  public static org.clearpath.domain.shared.Actor counselor(User user) {
    return new org.clearpath.domain.shared.Actor(
        new org.clearpath.domain.shared.UserId(user.id()),
        user.username(),
        java.util.Set.of(org.clearpath.domain.shared.Role.COUNSELOR));
  }

  public static String tokenFor(TokenGenerator generator, User user) {
    var now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", user.id());
    claims.put("preferred_username", user.username());
    claims.put("realm_access", Map.of("roles", user.roles()));
    claims.put("iat", now);
    claims.put("exp", now + 600);
    return generator.generateToken(claims).orElseThrow();
  }

  /** Sends a request and returns the response whatever its status, body as text. */
  public static HttpResponse<String> send(HttpClient client, MutableHttpRequest<?> request) {
    try {
      return client.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
    } catch (HttpClientResponseException e) {
      @SuppressWarnings("unchecked")
      var response = (HttpResponse<String>) e.getResponse();
      return response;
    }
  }

  public static String bodyOf(HttpResponse<?> response) {
    return response.getBody(String.class).orElse("");
  }

  public static Map<String, Object> json(JsonMapper mapper, HttpResponse<?> response) {
    try {
      return mapper.readValue(bodyOf(response), Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Map<String, Object>> jsonList(JsonMapper mapper, HttpResponse<?> response) {
    try {
      return mapper.readValue(
          bodyOf(response), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static MutableHttpRequest<?> bearer(MutableHttpRequest<?> request, String token) {
    return request.bearerAuth(token);
  }

  public static MutableHttpRequest<?> get(String uri) {
    return HttpRequest.GET(uri);
  }
}
