package org.clearpath.api.keycloak;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.clearpath.api.problem.Conflict;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.ClientPortalAccounts;
import org.clearpath.domain.casefile.PortalLogin;
import org.clearpath.domain.shared.UserId;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Client portal logins as Keycloak users with the realm role {@code client}. */
@Singleton
public class KeycloakClientPortalAccounts implements ClientPortalAccounts {
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Keycloak keycloak;
  private final KeycloakSettings settings;

  KeycloakClientPortalAccounts(Keycloak keycloak, KeycloakSettings settings) {
    this.keycloak = keycloak;
    this.settings = settings;
  }

  private RealmResource realm() {
    return keycloak.realm(settings.realm());
  }

  @Override
  public NewAccount create(PortalLogin login, ClientName name) {
    var password = temporaryPassword();
    var credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(password);
    credential.setTemporary(true);
    var user = new UserRepresentation();
    user.setUsername(login.username());
    user.setEmail(login.email());
    user.setFirstName(name.value());
    user.setEnabled(true);
    user.setCredentials(List.of(credential));
    user.setRequiredActions(List.of("UPDATE_PASSWORD"));
    String id;
    try (Response response = realm().users().create(user)) {
      if (response.getStatus() == 409) {
        throw new Conflict("portalLogin.username", "this username or email already has a login");
      }
      id = CreatedResponseUtil.getCreatedId(response);
    }
    var clientRole = realm().roles().get(Roles.CLIENT).toRepresentation();
    realm().users().get(id).roles().realmLevel().add(List.of(clientRole));
    return new NewAccount(new UserId(id), login.username(), password);
  }

  @Override
  public void remove(UserId id) {
    try (Response ignored = realm().users().delete(id.value())) {
      // deleted, or already gone
    }
  }

  @Override
  public void retire(UserId id) {
    var user = realm().users().get(id.value());
    java.util.List<org.keycloak.representations.idm.RoleRepresentation> roles;
    try {
      roles = user.roles().realmLevel().listAll();
    } catch (jakarta.ws.rs.NotFoundException gone) {
      return;
    }
    var staff =
        roles.stream()
            .anyMatch(
                r ->
                    org.clearpath.domain.shared.Role.fromClaimValue(r.getName())
                        .filter(role -> role != org.clearpath.domain.shared.Role.CLIENT)
                        .isPresent());
    if (staff) {
      var client = roles.stream().filter(r -> Roles.CLIENT.equals(r.getName())).toList();
      if (!client.isEmpty()) {
        user.roles().realmLevel().remove(client);
      }
      return;
    }
    try (Response response = realm().users().delete(id.value())) {
      if (response.getStatus() != 204 && response.getStatus() != 404) {
        throw new IllegalStateException(
            "Keycloak did not remove the login " + id.value() + ": " + response.getStatus());
      }
    }
  }

  /** People with the counselor role: id and username, by username. */
  public java.util.List<java.util.Map.Entry<UserId, String>> counselors() {
    return realm().roles().get(Roles.COUNSELOR).getUserMembers(0, 1000).stream()
        .filter(u -> Boolean.TRUE.equals(u.isEnabled()))
        .map(u -> java.util.Map.entry(new UserId(u.getId()), u.getUsername()))
        .sorted(java.util.Map.Entry.comparingByValue())
        .toList();
  }

  /** The Keycloak id of an existing login, looked up by exact username. */
  public Optional<UserId> findByUsername(String username) {
    return realm().users().searchByUsername(username, true).stream()
        .findFirst()
        .map(user -> new UserId(user.getId()));
  }

  /**
   * 16 characters from an unambiguous alphabet plus a fixed "-7" tail so that any reasonable
   * password policy (upper, lower, digit, special) is met; about 93 bits of randomness.
   */
  static String temporaryPassword() {
    var out = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      if (i % 4 == 3 && i < 15) {
        out.append('-');
      }
    }
    return out.append("-Aa7").toString();
  }
}
