package org.clearpath.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the realm file Keycloak imports: the committed realm ({@code clearpath-realm.json}),
 * pointed at the app's actual URL, plus — for development and tests only — the demo users and the
 * dev API client from {@code dev-overlay.json}.
 */
public final class RealmFiles {
  public static final String REALM = "clearpath";
  public static final String WEB_CLIENT = "clearpath-web";
  public static final String SERVICE_CLIENT = "clearpath-service";
  public static final String DEV_CLI_CLIENT = "clearpath-dev-cli";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RealmFiles() {}

  public static ObjectNode devRealm(Path realmDir, String appUrl) {
    var realm = read(realmDir.resolve("clearpath-realm.json"));
    var overlay = read(realmDir.resolve("dev-overlay.json"));
    append(realm, overlay, "users");
    append(realm, overlay, "clients");
    pointWebClientAt(realm, appUrl);
    return realm;
  }

  /**
   * The realm of a real install: the committed realm without demo users, its confidential clients
   * given this install's own secrets instead of the committed {@code dev-only-*} ones.
   */
  public static ObjectNode installRealm(
      Path realmDir, String appUrl, String webSecret, String serviceSecret) {
    var realm = read(realmDir.resolve("clearpath-realm.json"));
    pointWebClientAt(realm, appUrl);
    for (var client : realm.withArray("clients")) {
      var id = client.path("clientId").asText();
      if (WEB_CLIENT.equals(id)) {
        ((ObjectNode) client).put("secret", webSecret);
      } else if (SERVICE_CLIENT.equals(id)) {
        ((ObjectNode) client).put("secret", serviceSecret);
      }
    }
    return realm;
  }

  /** The demo users and the dev API client (development only). */
  public static ObjectNode devOverlay(Path realmDir) {
    return read(realmDir.resolve("dev-overlay.json"));
  }

  /** Redirects and logout only back to this app. */
  static void pointWebClientAt(ObjectNode realm, String appUrl) {
    var urls = WebClientUrls.of(appUrl);
    for (var client : realm.withArray("clients")) {
      if (WEB_CLIENT.equals(client.path("clientId").asText())) {
        var c = (ObjectNode) client;
        c.putArray("redirectUris").add(urls.redirect());
        c.putArray("webOrigins").add(urls.origin());
        c.withObject("attributes").put("post.logout.redirect.uris", urls.postLogout());
        c.withObject("attributes").put("backchannel.logout.url", urls.backchannelLogout());
        c.withObject("attributes").put("backchannel.logout.session.required", "true");
        // Keycloak tells the app by back-channel only where front-channel logout is off
        c.put("frontchannelLogout", false);
      }
    }
  }

  /** Where the web client may send a user back to: this app's callback, origin and start page. */
  record WebClientUrls(
      String redirect, String origin, String postLogout, String backchannelLogout) {
    static WebClientUrls of(String appUrl) {
      var base = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
      return new WebClientUrls(
          base + "/oauth/callback/keycloak", base, base + "/", base + "/auth/backchannel-logout");
    }
  }

  /** The secret the realm file gives a confidential client (dev realm: committed dev secrets). */
  public static String clientSecret(ObjectNode realm, String clientId) {
    for (var client : realm.withArray("clients")) {
      if (clientId.equals(client.path("clientId").asText())) {
        return client.path("secret").asText();
      }
    }
    throw new IllegalArgumentException("no client " + clientId + " in the realm");
  }

  public static void write(ObjectNode realm, Path file) {
    try {
      Files.createDirectories(file.getParent());
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), realm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void append(ObjectNode realm, ObjectNode overlay, String field) {
    ArrayNode target = realm.withArray(field);
    overlay.withArray(field).forEach(target::add);
  }

  private static ObjectNode read(Path file) {
    try {
      return (ObjectNode) JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
