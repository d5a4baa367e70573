package org.clearpath.api.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Outside the dev (and test) environment the app does not start with a secret that is public: the
 * committed {@code dev-only-*} client secrets, or a session secret that is a known default or too
 * short to resist guessing. The message names the setting to change.
 */
@Context
public class ProductionSecrets {
  static final int MIN_SESSION_SECRET_BYTES = 32;

  ProductionSecrets(
      Environment environment,
      @Value("${micronaut.security.oauth2.clients.keycloak.client-secret:}") @Nullable String web,
      @Value("${clearpath.keycloak.admin-client-secret:}") @Nullable String service,
      @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") @Nullable
          String session) {
    var names = environment.getActiveNames();
    if (names.contains(Environment.DEVELOPMENT) || names.contains(Environment.TEST)) {
      return;
    }
    var problems = problems(web, service, session);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "refusing to start outside the dev environment: " + String.join("; ", problems));
    }
  }

  public static java.util.List<String> problems(
      @Nullable String web, @Nullable String service, @Nullable String session) {
    var settings = new LinkedHashMap<String, String>();
    settings.put("CLEARPATH_WEB_CLIENT_SECRET", web == null ? "" : web);
    settings.put("CLEARPATH_SERVICE_CLIENT_SECRET", service == null ? "" : service);
    var problems = new ArrayList<String>();
    settings.forEach(
        (name, value) -> {
          if (value.startsWith("dev-only-")) {
            problems.add(name + " is the committed development secret; set this install's own");
          }
        });
    var key = session == null ? "" : session;
    if (key.startsWith("dev-only-")
        || key.startsWith("test-only-")
        || key.getBytes(StandardCharsets.UTF_8).length < MIN_SESSION_SECRET_BYTES) {
      problems.add(
          "CLEARPATH_SESSION_SECRET must be at least "
              + MIN_SESSION_SECRET_BYTES
              + " random bytes, not a default");
    }
    return problems;
  }
}
