package org.clearpath.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.clearpath.api.Application;

/** Starts the Clearpath app in this JVM against a given database and Keycloak. */
public final class ClearpathApp {
  private ClearpathApp() {}

  public static ApplicationContext start(
      String appUrl,
      int port,
      String keycloakUrl,
      ObjectNode realm,
      Map<String, ?> database,
      boolean demoData,
      String... args) {
    var properties = new HashMap<String, Object>(database);
    properties.put("micronaut.server.port", port);
    properties.put("clearpath.public-url", appUrl);
    properties.put("clearpath.keycloak.url", keycloakUrl);
    properties.put(
        "clearpath.keycloak.admin-client-secret",
        RealmFiles.clientSecret(realm, RealmFiles.SERVICE_CLIENT));
    properties.put(
        "micronaut.security.oauth2.clients.keycloak.client-secret",
        RealmFiles.clientSecret(realm, RealmFiles.WEB_CLIENT));
    // a new session key per start: sessions do not outlive a restart of the local stack
    properties.put(
        "micronaut.security.token.jwt.signatures.secret.generator.secret", randomSecret());
    properties.put("clearpath.demo-data", Boolean.toString(demoData));
    return Micronaut.build(args).mainClass(Application.class).properties(properties).start();
  }

  private static String randomSecret() {
    var bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
