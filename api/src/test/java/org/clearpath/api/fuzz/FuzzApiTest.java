package org.clearpath.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.api.testing.ApiTestSupport.User;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.shared.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation of the app's own OpenAPI document, as every role, with wrong values: wrong types,
 * empty, very long, emoji, control characters, huge and tiny numbers, exponents, impossible dates,
 * other people's ids, broken JSON. None may answer 5xx or take longer than 2 s.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzApiTest implements TestPropertyProvider {
  private static final Duration SLOW = Duration.ofSeconds(2);
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  @Inject EmbeddedServer server;
  @Inject TokenGenerator tokens;
  @Inject CaseFileService cases;
  @Inject io.micronaut.json.JsonMapper mapper;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * These tests run without Keycloak: the operations that must ask it (the counselor directory,
   * reassignment, portal logins, staff) answer 503 "login service not answering", which is right.
   */
  private static final java.util.regex.Pattern ASKS_KEYCLOAK =
      java.util.regex.Pattern.compile(
          "/api/counselors|/api/cases/[^/]+/counselor|/api/cases|/api/staff.*|/api/teams.*");

  private final Random random = new Random(20261201L);

  @Override
  public Map<String, String> getProperties() {
    return ApiTestSupport.properties();
  }

  /** Wrong values for any text: what a careless client or an attacker would send. */
  private List<Object> wrongValues(String othersCaseId) {
    var values = new ArrayList<Object>();
    values.add("");
    values.add(" ");
    values.add("x".repeat(20_000));
    values.add("😀💸 债务 \u202e reversed");
    values.add("a\u0000b");
    values.add("line\u0007bell");
    values.add("1E-200000000");
    values.add("1e999999999");
    values.add("-0.000000000000000000000000001");
    values.add("99999999999999999999999999999999");
    values.add("NaN");
    values.add("2026-02-30");
    values.add("0000-00-00T25:61");
    values.add("../../etc/passwd");
    values.add(othersCaseId);
    values.add(UUID.randomUUID().toString());
    values.add(1e308);
    values.add(-1);
    values.add(Long.MAX_VALUE);
    values.add(true);
    values.add(List.of("a", 1));
    values.add(Map.of("nested", "object"));
    return values;
  }

  @Test
  @SuppressWarnings("unchecked")
  void no_operation_answers_5xx_or_slowly_to_wrong_input() throws Exception {
    var wang = User.with("counselor");
    var li = User.with("counselor");
    var supervisor = User.with("supervisor");
    var client = User.with("client");
    var nobody = User.with();
    cases.open(
        new OpenCase(new ClientName("陈小明"), Optional.of(new UserId(client.id()))),
        ApiTestSupport.counselor(wang));
    var others =
        cases
            .open(
                new OpenCase(new ClientName("刘芳"), Optional.empty()), ApiTestSupport.counselor(li))
            .id()
            .toString();
    var people = new LinkedHashMap<String, String>();
    people.put("counselor", ApiTestSupport.tokenFor(tokens, wang));
    people.put("supervisor", ApiTestSupport.tokenFor(tokens, supervisor));
    people.put("client", ApiTestSupport.tokenFor(tokens, client));
    people.put("no role", ApiTestSupport.tokenFor(tokens, nobody));
    people.put("anonymous", null);

    Map<String, Object> document;
    try (var in = getClass().getResourceAsStream("/META-INF/swagger/clearpath-0.1.yml")) {
      assertThat(in).as("the OpenAPI document is built").isNotNull();
      document = new Yaml().load(in);
    }
    var schemas =
        (Map<String, Object>)
            ((Map<String, Object>) document.get("components")).getOrDefault("schemas", Map.of());
    var paths = (Map<String, Map<String, Object>>) document.get("paths");
    var wrong = wrongValues(others);
    var pathValues =
        List.of(
            others, UUID.randomUUID().toString(), "not-an-id", "a\u0000b", "😀", "x".repeat(3000));

    var statusCounts = new TreeMap<Integer, Integer>();
    var failures = new ArrayList<String>();
    int sent = 0;
    int operations = 0;
    long slowest = 0;
    for (var pathEntry : paths.entrySet()) {
      for (var method : METHODS) {
        var operation = (Map<String, Object>) pathEntry.getValue().get(method);
        if (operation == null) {
          continue;
        }
        operations++;
        var parameters =
            (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        var queryNames =
            parameters.stream()
                .filter(p -> "query".equals(p.get("in")))
                .map(p -> (String) p.get("name"))
                .toList();
        var bodyFields = bodyFields(operation, schemas);
        var mediaType = bodyMediaType(operation);
        for (var person : people.entrySet()) {
          var requests = new ArrayList<Attempt>();
          for (var id : pathValues) {
            requests.add(new Attempt(fill(pathEntry.getKey(), id), null, mediaType));
          }
          var path = fill(pathEntry.getKey(), others);
          for (var name : queryNames) {
            for (var value : wrong) {
              requests.add(
                  new Attempt(path + "?" + name + "=" + encode(String.valueOf(value)), null, null));
            }
          }
          if (mediaType != null) {
            var ownPath = path;
            if ("application/json".equals(mediaType)) {
              for (var raw : List.of("", "null", "[]", "{", "\"text\"", "{\"a\":", "1e999999")) {
                requests.add(new Attempt(ownPath, raw, mediaType));
              }
              for (var field : bodyFields) {
                // numbers as JSON numbers, not text: huge and tiny exponents, too many digits
                for (var number :
                    List.of("1e999999999", "-1e-999999999", "1" + "0".repeat(400), "0.5", "-0")) {
                  requests.add(
                      new Attempt(ownPath, "{\"" + field + "\":" + number + "}", mediaType));
                }
                for (int i = 0; i < 6; i++) {
                  var body = new HashMap<String, Object>();
                  for (var other : bodyFields) {
                    body.put(other, wrong.get(random.nextInt(wrong.size())));
                  }
                  body.put(field, wrong.get(random.nextInt(wrong.size())));
                  requests.add(new Attempt(ownPath, json(body), mediaType));
                }
              }
            } else {
              var bytes = new byte[64];
              random.nextBytes(bytes);
              requests.add(
                  new Attempt(ownPath, new String(bytes, StandardCharsets.ISO_8859_1), mediaType));
              requests.add(new Attempt(ownPath, "", mediaType));
            }
          }
          for (var attempt : requests) {
            var started = System.nanoTime();
            var status = send(method, attempt, person.getValue());
            var took = Duration.ofNanos(System.nanoTime() - started);
            slowest = Math.max(slowest, took.toMillis());
            sent++;
            statusCounts.merge(status, 1, Integer::sum);
            var keycloakDown = status == 503 && ASKS_KEYCLOAK.matcher(pathEntry.getKey()).matches();
            if ((status >= 500 && !keycloakDown) || took.compareTo(SLOW) > 0) {
              failures.add(
                  method.toUpperCase()
                      + " "
                      + abbreviate(attempt.path())
                      + " as "
                      + person.getKey()
                      + " → "
                      + status
                      + " in "
                      + took.toMillis()
                      + " ms"
                      + (attempt.body() == null ? "" : " body " + abbreviate(attempt.body())));
            }
          }
        }
      }
    }
    System.out.printf(
        "[fuzz] %d operations, %d requests; per status %s; slowest %d ms; sent again on a new"
            + " connection %d%n",
        operations, sent, statusCounts, slowest, reconnects);
    failures.stream().limit(40).forEach(f -> System.out.println("[fuzz] FAILED " + f));
    assertThat(operations).isGreaterThan(50);
    assertThat(sent).isGreaterThanOrEqualTo(5_000);
    assertThat(failures).isEmpty();
  }

  private int reconnects;

  private record Attempt(String path, String body, String mediaType) {}

  private int send(String method, Attempt attempt, String token) {
    var builder =
        HttpRequest.newBuilder(URI.create(server.getURL() + attempt.path()))
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    var publisher =
        attempt.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(
                attempt.body(),
                "application/json".equals(attempt.mediaType())
                    ? StandardCharsets.UTF_8
                    : StandardCharsets.ISO_8859_1);
    if (attempt.mediaType() != null && !"get".equals(method) && !"delete".equals(method)) {
      builder.header("Content-Type", attempt.mediaType());
    }
    builder.method(
        method.toUpperCase(),
        "get".equals(method) ? HttpRequest.BodyPublishers.noBody() : publisher);
    var request = builder.build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      // a kept-alive connection that the server closed after answering a previous request early
      // (before reading its body) fails on reuse; sent again on a new connection it must answer
      reconnects++;
      try {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (java.io.IOException again) {
        System.out.println("[fuzz] no answer: " + again);
        return 599; // the server dropped the request: as bad as a 5xx
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return 599;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 599;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> bodyFields(
      Map<String, Object> operation, Map<String, Object> schemas) {
    var body = (Map<String, Object>) operation.get("requestBody");
    if (body == null) {
      return List.of();
    }
    var content = (Map<String, Map<String, Object>>) body.get("content");
    var json = content.get("application/json");
    if (json == null) {
      return List.of();
    }
    var schema = (Map<String, Object>) json.get("schema");
    var ref = schema == null ? null : (String) schema.get("$ref");
    if (ref != null) {
      schema = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    if (schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
      return List.of();
    }
    return new ArrayList<>((java.util.Set<String>) properties.keySet());
  }

  @SuppressWarnings("unchecked")
  private static String bodyMediaType(Map<String, Object> operation) {
    var body = (Map<String, Object>) operation.get("requestBody");
    if (body == null) {
      return null;
    }
    var content = (Map<String, Object>) body.get("content");
    return content.keySet().iterator().next();
  }

  /** The path with every {parameter} replaced by the value, encoded as a path segment. */
  private static String fill(String template, String value) {
    return template.replaceAll(
        "\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(encode(value)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String json(Map<String, Object> body) {
    try {
      return mapper.writeValueAsString(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 160 ? text.substring(0, 157) + "..." : text;
  }
}
