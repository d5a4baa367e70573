package org.clearpath.api.keycloak;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.staff.StaffAccounts;
import org.clearpath.domain.staff.StaffMember;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Staff accounts as Keycloak users with the realm roles {@code counselor} or {@code supervisor}
 * (and {@code admin}/{@code director}, which only Keycloak's own administrators grant), all members
 * of the group {@code staff}. They are read with the app's service account (which may view them,
 * never change them) and changed with the acting admin's own rights ({@link AdminRights#of}).
 */
@Singleton
public class KeycloakStaffAccounts implements StaffAccounts {
  private static final List<String> STAFF =
      List.of(Roles.COUNSELOR, Roles.SUPERVISOR, Roles.ADMIN, Roles.DIRECTOR);
  private final Keycloak keycloak;
  private final KeycloakSettings settings;

  KeycloakStaffAccounts(Keycloak keycloak, KeycloakSettings settings) {
    this.keycloak = keycloak;
    this.settings = settings;
  }

  /** The group whose members the service account may not manage (the launcher keeps it). */
  static final String STAFF_GROUP = "staff";

  private RealmResource realm() {
    return keycloak.realm(settings.realm());
  }

  /** The realm as the acting admin may change it. */
  private RealmResource asAdmin() {
    return AdminRights.acting().realm(settings.realm());
  }

  @Override
  public List<StaffMember> all() {
    var byId = new LinkedHashMap<String, UserRepresentation>();
    var roles = new java.util.HashMap<String, EnumSet<Role>>();
    for (var name : STAFF) {
      List<UserRepresentation> members;
      try {
        members = realm().roles().get(name).getUserMembers(0, 2000);
      } catch (jakarta.ws.rs.NotFoundException noSuchRole) {
        continue; // an older realm without admin or director
      }
      for (var user : members) {
        byId.putIfAbsent(user.getId(), user);
        roles
            .computeIfAbsent(user.getId(), k -> EnumSet.noneOf(Role.class))
            .add(Role.fromClaimValue(name).orElseThrow());
      }
    }
    return byId.values().stream()
        .map(u -> member(u, roles.get(u.getId())))
        .sorted(java.util.Comparator.comparing(StaffMember::username))
        .toList();
  }

  private static StaffMember member(UserRepresentation u, java.util.Set<Role> roles) {
    var name =
        String.join(
                " ",
                u.getFirstName() == null ? "" : u.getFirstName(),
                u.getLastName() == null ? "" : u.getLastName())
            .strip();
    return new StaffMember(
        new UserId(u.getId()),
        u.getUsername(),
        name,
        u.getEmail(),
        roles,
        Boolean.TRUE.equals(u.isEnabled()));
  }

  @Override
  public Optional<StaffMember> find(UserId id) {
    UserRepresentation user;
    try {
      user = realm().users().get(id.value()).toRepresentation();
    } catch (jakarta.ws.rs.NotFoundException e) {
      return Optional.empty();
    }
    var roles = EnumSet.noneOf(Role.class);
    for (var role : realm().users().get(id.value()).roles().realmLevel().listEffective()) {
      Role.fromClaimValue(role.getName()).filter(r -> r != Role.CLIENT).ifPresent(roles::add);
    }
    return roles.isEmpty() ? Optional.empty() : Optional.of(member(user, roles));
  }

  @Override
  public Invited invite(
      String username, String firstName, String lastName, String email, Role role) {
    var password = KeycloakClientPortalAccounts.temporaryPassword();
    var credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(password);
    credential.setTemporary(true);
    var user = new UserRepresentation();
    user.setUsername(username);
    user.setEmail(email);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEnabled(true);
    user.setEmailVerified(true);
    user.setCredentials(List.of(credential));
    user.setRequiredActions(List.of("UPDATE_PASSWORD"));
    var realm = asAdmin();
    // the group is found before the account is made: a realm without it makes no one; the new
    // account joins it before it is given a staff role
    var staff =
        realm.groups().groups(STAFF_GROUP, true, 0, 10, true).stream()
            .filter(g -> STAFF_GROUP.equals(g.getName()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the realm has no group staff: start the launcher's narrow-keycloak"));
    String id;
    try (Response response = realm.users().create(user)) {
      if (response.getStatus() == 409) {
        throw new InvalidInput(
            "username",
            "this username or email already has an account",
            Message.of("refusal.account-taken"));
      }
      id = CreatedResponseUtil.getCreatedId(response);
    }
    realm.users().get(id).joinGroup(staff.getId());
    var granted = realm.roles().get(role.claimValue()).toRepresentation();
    realm.users().get(id).roles().realmLevel().add(List.of(granted));
    return new Invited(find(new UserId(id)).orElseThrow(), password);
  }

  @Override
  public void deactivate(UserId id) {
    var user = asAdmin().users().get(id.value());
    var representation = user.toRepresentation();
    representation.setEnabled(false);
    user.update(representation);
    user.logout(); // their Keycloak sessions end now
  }

  @Override
  public String resetPassword(UserId id) {
    var password = KeycloakClientPortalAccounts.temporaryPassword();
    var credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(password);
    credential.setTemporary(true);
    asAdmin().users().get(id.value()).resetPassword(credential);
    return password;
  }

  @Override
  public int resetSecondFactor(UserId id) {
    var user = asAdmin().users().get(id.value());
    var removed = 0;
    for (var credential : user.credentials()) {
      // Keycloak keeps an authenticator app as a credential of type "otp" (OTPCredentialModel)
      if ("otp".equals(credential.getType())) {
        user.removeCredential(credential.getId());
        removed++;
      }
    }
    return removed;
  }
}
