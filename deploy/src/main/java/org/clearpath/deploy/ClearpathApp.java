package org.clearpath.deploy;

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

  /** What the app needs to know of this install. */
  public record Settings(
      String appUrl,
      int port,
      String keycloakUrl,
      String webClientSecret,
      String serviceClientSecret,
      String sessionSecret,
      String masterKey,
      Map<String, ?> database,
      boolean demoData,
      String... environments) {}

  public static ApplicationContext start(Settings settings, String... args) {
    var properties = new HashMap<String, Object>(settings.database());
    properties.put("micronaut.server.port", settings.port());
    properties.put("clearpath.public-url", settings.appUrl());
    properties.put("clearpath.keycloak.url", settings.keycloakUrl());
    properties.put("clearpath.keycloak.admin-client-secret", settings.serviceClientSecret());
    properties.put(
        "micronaut.security.oauth2.clients.keycloak.client-secret", settings.webClientSecret());
    properties.put(
        "micronaut.security.token.jwt.signatures.secret.generator.secret",
        settings.sessionSecret());
    // wraps the data keys of the sealed client records
    properties.put("clearpath.crypto.master-key", settings.masterKey());
    properties.put("clearpath.demo-data", Boolean.toString(settings.demoData()));
    // a browser keeps a Secure cookie only from https (and localhost): plain http:// gets none
    properties.put(
        "micronaut.security.token.cookie.cookie-secure",
        Boolean.toString(settings.appUrl().startsWith("https://")));
    return Micronaut.build(args)
        .mainClass(Application.class)
        .banner(false)
        .environments(settings.environments())
        .properties(properties)
        .start();
  }

  static String randomSecret() {
    var bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
