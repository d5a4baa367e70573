package org.clearpath.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What the launcher does in Keycloak through its admin API after each start: keep the web client's
 * secret and addresses in step with this install, add the demo users when asked, and make the first
 * supervisor of a new install.
 */
final class RealmAdmin implements AutoCloseable {
  static final String FIRST_SUPERVISOR = "supervisor";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Keycloak admin;

  RealmAdmin(KeycloakServer keycloak) {
    admin =
        Keycloak.getInstance(
            keycloak.url(),
            "master",
            keycloak.adminUsername(),
            keycloak.adminPassword(),
            "admin-cli");
  }

  private org.keycloak.admin.client.resource.RealmResource realm() {
    return admin.realm(RealmFiles.REALM);
  }

  /** Secrets and redirect addresses of the app's clients, as this start has them. */
  void alignClients(String appUrl, String webSecret, String serviceSecret) {
    var urls = RealmFiles.WebClientUrls.of(appUrl);
    for (var client : realm().clients().findAll()) {
      var resource = realm().clients().get(client.getId());
      if (RealmFiles.WEB_CLIENT.equals(client.getClientId())) {
        var changed = !webSecret.equals(client.getSecret());
        client.setSecret(webSecret);
        var redirect = List.of(urls.redirect());
        if (!redirect.equals(client.getRedirectUris())) {
          client.setRedirectUris(redirect);
          client.setWebOrigins(List.of(urls.origin()));
          client.getAttributes().put("post.logout.redirect.uris", urls.postLogout());
          changed = true;
        }
        if (changed) {
          resource.update(client);
        }
      } else if (RealmFiles.SERVICE_CLIENT.equals(client.getClientId())
          && !serviceSecret.equals(client.getSecret())) {
        client.setSecret(serviceSecret);
        resource.update(client);
      }
    }
  }

  /** The demo users and the dev API client; whatever exists already is left as it is. */
  void addDemoUsers(ObjectNode overlay) {
    var partial = JSON.createObjectNode();
    partial.put("ifResourceExists", "SKIP");
    partial.set("users", overlay.withArray("users"));
    partial.set("clients", overlay.withArray("clients"));
    var representation = JSON.convertValue(partial, PartialImportRepresentation.class);
    try (var response = realm().partialImport(representation)) {
      if (response.getStatus() >= 300) {
        throw new IllegalStateException(
            "Keycloak refused the demo users: HTTP " + response.getStatus());
      }
    }
  }

  /**
   * On an install without any supervisor: one, with a one-time password that must be changed at the
   * first login. Returns that password, or nothing when a supervisor exists.
   */
  /** The staff roles a realm imported before they existed lacks: admin and director. */
  void ensureStaffRoles() {
    var existing =
        realm().roles().list().stream()
            .map(org.keycloak.representations.idm.RoleRepresentation::getName)
            .toList();
    for (var name : List.of("admin", "director")) {
      if (!existing.contains(name)) {
        var role = new org.keycloak.representations.idm.RoleRepresentation();
        role.setName(name);
        realm().roles().create(role);
      }
    }
  }

  Optional<String> ensureFirstSupervisor() {
    var supervisors = realm().roles().get("supervisor").getUserMembers(0, 1);
    if (!supervisors.isEmpty()) {
      return Optional.empty();
    }
    var existing = realm().users().searchByUsername(FIRST_SUPERVISOR, true);
    String userId;
    if (existing.isEmpty()) {
      var user = new UserRepresentation();
      user.setUsername(FIRST_SUPERVISOR);
      user.setFirstName("Supervisor");
      user.setEnabled(true);
      user.setRequiredActions(List.of("UPDATE_PASSWORD"));
      try (var response = realm().users().create(user)) {
        if (response.getStatus() != 201) {
          throw new IllegalStateException(
              "Keycloak refused the first supervisor: HTTP " + response.getStatus());
        }
        var path = response.getLocation().getPath();
        userId = path.substring(path.lastIndexOf('/') + 1);
      }
    } else {
      userId = existing.getFirst().getId();
    }
    var password = DataDir.random(12);
    var credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(password);
    credential.setTemporary(true);
    var user = realm().users().get(userId);
    user.resetPassword(credential);
    // the first supervisor also manages the staff from Clearpath
    user.roles()
        .realmLevel()
        .add(
            List.of(
                realm().roles().get("supervisor").toRepresentation(),
                realm().roles().get("admin").toRepresentation()));
    return Optional.of(password);
  }

  @Override
  public void close() {
    admin.close();
  }
}
