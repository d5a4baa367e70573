package org.clearpath.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import org.clearpath.persistence.testing.TestPostgres;

/**
 * The whole stack for a browser test: PostgreSQL 17 (one database for the app, one for Keycloak),
 * Keycloak 26 from Maven Central with the dev realm, and the app on a free port.
 */
final class E2eStack implements AutoCloseable {
  // the app connects as a login that owns nothing, Flyway migrates as the owner: as the launcher
  // runs it
  final TestPostgres.Database database = TestPostgres.freshDatabaseWithRoles();
  final String appUrl;
  final ObjectNode realm;
  final KeycloakServer keycloak;
  final ApplicationContext app;

  /** The session cookie's key, which every instance of the app shares. */
  private final String sessionSecret = ClearpathApp.randomSecret();

  private E2eStack(boolean demo) {
    var appPort = FreePort.find();
    appUrl = "http://localhost:" + appPort;
    realm = RealmFiles.devRealm(Path.of(System.getProperty("realm.dir", "keycloak")), appUrl);
    var keycloakDatabase = TestPostgres.freshDatabase();
    keycloak =
        KeycloakServer.start(
            Path.of(System.getProperty("keycloak.home")),
            FreePort.find(),
            realm,
            new KeycloakServer.Database(
                keycloakDatabase.jdbcUrl(),
                keycloakDatabase.username(),
                keycloakDatabase.password()),
            "Admin-" + java.util.UUID.randomUUID(),
            Path.of("target/e2e-keycloak/keycloak.log"),
            // a first start on a fresh machine builds Keycloak (augmentation) first: minutes on 2
            // cores
            Duration.ofMinutes(10));
    // as the launcher does at each start: the service account keeps only what the app needs
    try (var admin = new RealmAdmin(keycloak)) {
      admin.ensureStaffRoles();
      admin.narrowServiceAccount();
    }
    app = startApp(appUrl, appPort, demo);
  }

  private ApplicationContext startApp(String url, int port, boolean demo) {
    return ClearpathApp.start(
        new ClearpathApp.Settings(
            url,
            port,
            keycloak.url(),
            RealmFiles.clientSecret(realm, RealmFiles.WEB_CLIENT),
            RealmFiles.clientSecret(realm, RealmFiles.SERVICE_CLIENT),
            sessionSecret,
            org.clearpath.persistence.testing.TestPostgres.MASTER_KEY,
            withShortRecheck(database.micronautProperties()),
            demo,
            "dev"));
  }

  /** Sessions are rechecked in Keycloak every two seconds here (a minute by default). */
  private static java.util.Map<String, Object> withShortRecheck(
      java.util.Map<String, ?> properties) {
    var all = new java.util.HashMap<String, Object>(properties);
    all.put("clearpath.security.recheck-every", "2s");
    return all;
  }

  /** A second instance of the app on the same database and Keycloak, with the same session key. */
  ApplicationContext anotherInstance(int port) {
    return startApp("http://localhost:" + port, port, false);
  }

  /**
   * What a separate JVM needs on its command line to run the app as another instance on this stack
   * (its database, Keycloak and session key), at {@code port}.
   */
  java.util.List<String> systemProperties(int port) {
    var properties = new java.util.LinkedHashMap<String, Object>(database.micronautProperties());
    properties.put("micronaut.server.port", port);
    properties.put("clearpath.public-url", "http://localhost:" + port);
    properties.put("clearpath.keycloak.url", keycloak.url());
    properties.put(
        "clearpath.keycloak.admin-client-secret",
        RealmFiles.clientSecret(realm, RealmFiles.SERVICE_CLIENT));
    properties.put(
        "micronaut.security.oauth2.clients.keycloak.client-secret",
        RealmFiles.clientSecret(realm, RealmFiles.WEB_CLIENT));
    properties.put(
        "micronaut.security.token.jwt.signatures.secret.generator.secret", sessionSecret);
    properties.put("micronaut.environments", "dev");
    return properties.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
  }

  /** An access token from Keycloak's password grant for the dev CLI client (valid 5 minutes). */
  String accessToken(String username, String password) throws Exception {
    var form =
        "grant_type=password&client_id="
            + RealmFiles.DEV_CLI_CLIENT
            + "&username="
            + username
            + "&password="
            + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
    try (var http = java.net.http.HttpClient.newHttpClient()) {
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("no token for " + username + ": " + response.body());
      }
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(response.body())
          .get("access_token")
          .asText();
    }
  }

  static E2eStack start() {
    return new E2eStack(false);
  }

  @Override
  public void close() {
    if (app != null) {
      app.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }
}
