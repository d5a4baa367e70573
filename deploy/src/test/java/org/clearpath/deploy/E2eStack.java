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
  final TestPostgres.Database database = TestPostgres.freshDatabase();
  final String appUrl;
  final ObjectNode realm;
  final KeycloakServer keycloak;
  final ApplicationContext app;

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
    app =
        ClearpathApp.start(
            appUrl,
            appPort,
            keycloak.url(),
            realm,
            new java.util.HashMap<>(database.micronautProperties()),
            demo);
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
