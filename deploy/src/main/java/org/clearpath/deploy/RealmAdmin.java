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
    this(keycloak.url(), keycloak.adminUsername(), keycloak.adminPassword());
  }

  /** Keycloak anywhere, as one of its administrators of the master realm. */
  RealmAdmin(String url, String username, String password) {
    admin = Keycloak.getInstance(url, "master", username, password, "admin-cli");
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
        // Keycloak tells the app when a user's session ends there (OIDC back-channel logout)
        if (!urls.backchannelLogout().equals(client.getAttributes().get("backchannel.logout.url"))
            || !Boolean.FALSE.equals(client.isFrontchannelLogout())) {
          client.getAttributes().put("backchannel.logout.url", urls.backchannelLogout());
          client.getAttributes().put("backchannel.logout.session.required", "true");
          // it is sent only where front-channel logout is off
          client.setFrontchannelLogout(false);
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

  /** The policy naming the app's service account. */
  static final String SERVICE_POLICY = "clearpath-service-account";

  /** The policy naming everyone with the realm role admin. */
  static final String ADMINS_POLICY = "clearpath-admins";

  /** Either of the two. */
  static final String SERVICE_OR_ADMINS_POLICY = "clearpath-service-account-or-admins";

  /** The group every member of staff is in: the service account may not manage its members. */
  static final String STAFF_GROUP = "staff";

  /** The realm roles of staff. */
  static final List<String> STAFF_ROLES = List.of("counselor", "supervisor", "admin", "director");

  /** The realm role the service account may give: only the client portal's. */
  static final List<String> ROLES_THE_APP_GIVES = List.of("client");

  /** The realm roles an admin gives, with their own rights, from the Staff page. */
  static final List<String> ROLES_ADMINS_GIVE = List.of("counselor", "supervisor");

  /** Keycloak's own roles an admin holds: to find users and read roles and groups. */
  static final List<String> ADMINS_READ = List.of("query-users", "query-groups", "view-realm");

  /**
   * Least privilege in Keycloak, through its fine-grained admin permissions (v2). The app's service
   * account may view and manage users and give only the client role: it makes and removes client
   * portal logins. Staff are members of the group {@code staff}, whose members only admins manage:
   * the service account cannot reset a staff member's password or second factor, disable, log out
   * or remove them, put anyone in the group, or give any staff role (counselor, supervisor, admin,
   * director), to itself or anyone. What the Staff page changes is done with the acting admin's own
   * rights: the realm role admin may manage users, put them in {@code staff} and give the counselor
   * and supervisor roles, never admin or director. The broad {@code manage-users} and {@code
   * view-users} roles a realm imported before had are taken from the service account. Whatever is
   * in place already is kept: this runs at every start.
   */
  void narrowServiceAccount() {
    var representation = realm().toRepresentation();
    if (!Boolean.TRUE.equals(representation.isAdminPermissionsEnabled())) {
      representation.setAdminPermissionsEnabled(true);
      realm().update(representation);
    }
    var permissionsClient = realm().clients().findByClientId("admin-permissions");
    if (permissionsClient.isEmpty()) {
      throw new IllegalStateException(
          "Keycloak made no admin-permissions client: are fine-grained admin permissions (v2)"
              + " turned off?");
    }
    var authz = realm().clients().get(permissionsClient.getFirst().getId()).authorization();
    var service = realm().clients().findByClientId(RealmFiles.SERVICE_CLIENT).getFirst();
    var account = realm().clients().get(service.getId()).getServiceAccountUser();
    // a user policy naming the service account's user: admin permissions are evaluated for the
    // user acting
    var servicePolicy = authz.policies().user().findByName(SERVICE_POLICY);
    if (servicePolicy == null) {
      var made = new org.keycloak.representations.idm.authorization.UserPolicyRepresentation();
      made.setName(SERVICE_POLICY);
      made.setDescription("The Clearpath app's service account");
      made.addUser(account.getId());
      created(authz.policies().user().create(made), SERVICE_POLICY);
      servicePolicy = authz.policies().user().findByName(SERVICE_POLICY);
    }
    var adminsPolicy = authz.policies().role().findByName(ADMINS_POLICY);
    if (adminsPolicy == null) {
      var made = new org.keycloak.representations.idm.authorization.RolePolicyRepresentation();
      made.setName(ADMINS_POLICY);
      made.setDescription("Whoever has the realm role admin");
      made.addRole(realm().roles().get("admin").toRepresentation().getId());
      created(authz.policies().role().create(made), ADMINS_POLICY);
      adminsPolicy = authz.policies().role().findByName(ADMINS_POLICY);
    }
    // permissions on one resource must all grant (the resource server decides unanimously): where
    // both act, one permission names a policy that is either of them
    var eitherPolicy = authz.policies().aggregate().findByName(SERVICE_OR_ADMINS_POLICY);
    if (eitherPolicy == null) {
      var made = new org.keycloak.representations.idm.authorization.AggregatePolicyRepresentation();
      made.setName(SERVICE_OR_ADMINS_POLICY);
      made.setDescription("The app's service account, or an admin");
      made.addPolicy(servicePolicy.getId());
      made.addPolicy(adminsPolicy.getId());
      made.setDecisionStrategy(
          org.keycloak.representations.idm.authorization.DecisionStrategy.AFFIRMATIVE);
      created(authz.policies().aggregate().create(made), SERVICE_OR_ADMINS_POLICY);
      eitherPolicy = authz.policies().aggregate().findByName(SERVICE_OR_ADMINS_POLICY);
    }
    permission(
        authz,
        "clearpath-service-users",
        "Users",
        java.util.Set.of(),
        java.util.Set.of("view", "manage", "map-roles", "manage-group-membership"),
        eitherPolicy.getId());
    permission(
        authz,
        "clearpath-service-roles",
        "Roles",
        roleIds(ROLES_THE_APP_GIVES),
        java.util.Set.of("map-role"),
        eitherPolicy.getId());
    permission(
        authz,
        "clearpath-admin-roles",
        "Roles",
        roleIds(ROLES_ADMINS_GIVE),
        java.util.Set.of("map-role"),
        adminsPolicy.getId());
    permission(
        authz,
        "clearpath-staff",
        "Groups",
        java.util.Set.of(staffGroupId()),
        java.util.Set.of("view", "manage-members", "manage-membership"),
        adminsPolicy.getId());
    var management = realm().clients().findByClientId("realm-management").getFirst();
    var mapped = realm().users().get(account.getId()).roles().clientLevel(management.getId());
    var held = mapped.listAll();
    var broad = held.stream().filter(role -> "manage-users".equals(role.getName())).toList();
    if (!broad.isEmpty()) {
      mapped.remove(broad);
    }
    // reading every user, staff included (the session recheck, the lists of staff), changes
    // nothing: the group's permission would otherwise keep staff from its view
    if (held.stream().noneMatch(role -> "view-users".equals(role.getName()))) {
      mapped.add(
          List.of(
              realm()
                  .clients()
                  .get(management.getId())
                  .roles()
                  .get("view-users")
                  .toRepresentation()));
    }
    var admin = realm().roles().get("admin");
    var has =
        admin.getClientRoleComposites(management.getId()).stream()
            .map(org.keycloak.representations.idm.RoleRepresentation::getName)
            .toList();
    var reads =
        ADMINS_READ.stream()
            .filter(name -> !has.contains(name))
            .map(
                name ->
                    realm().clients().get(management.getId()).roles().get(name).toRepresentation())
            .toList();
    if (!reads.isEmpty()) {
      admin.addComposites(reads);
    }
    ensureStaffGroup();
  }

  private java.util.Set<String> roleIds(List<String> names) {
    var ids = new java.util.TreeSet<String>();
    for (var name : names) {
      ids.add(realm().roles().get(name).toRepresentation().getId());
    }
    return ids;
  }

  private static void created(jakarta.ws.rs.core.Response response, String what) {
    try (response) {
      if (response.getStatus() >= 300) {
        throw new IllegalStateException(
            "Keycloak refused the policy " + what + ": HTTP " + response.getStatus());
      }
    }
  }

  /** The group {@code staff}, made if missing. */
  private String staffGroupId() {
    var found =
        realm().groups().groups(STAFF_GROUP, true, 0, 10, true).stream()
            .filter(g -> STAFF_GROUP.equals(g.getName()))
            .findFirst();
    if (found.isPresent()) {
      return found.get().getId();
    }
    var group = new org.keycloak.representations.idm.GroupRepresentation();
    group.setName(STAFF_GROUP);
    try (var response = realm().groups().add(group)) {
      if (response.getStatus() >= 300) {
        throw new IllegalStateException(
            "Keycloak refused the group staff: HTTP " + response.getStatus());
      }
      return org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(response);
    }
  }

  /**
   * Everyone with a staff role is a member of {@code staff}: those made before the group existed,
   * the demo users, the first supervisor, or made in Keycloak's console. Runs at every start.
   */
  void ensureStaffGroup() {
    var staff = staffGroupId();
    var members = new java.util.HashSet<String>();
    for (int first = 0; ; first += 500) {
      var page = realm().groups().group(staff).members(first, 500, true);
      page.forEach(user -> members.add(user.getId()));
      if (page.size() < 500) {
        break;
      }
    }
    for (var role : STAFF_ROLES) {
      for (int first = 0; ; first += 500) {
        List<org.keycloak.representations.idm.UserRepresentation> page;
        try {
          page = realm().roles().get(role).getUserMembers(first, 500);
        } catch (jakarta.ws.rs.NotFoundException noSuchRole) {
          break;
        }
        for (var user : page) {
          if (members.add(user.getId())) {
            realm().users().get(user.getId()).joinGroup(staff);
          }
        }
        if (page.size() < 500) {
          break;
        }
      }
    }
  }

  private static void permission(
      org.keycloak.admin.client.resource.AuthorizationResource authz,
      String name,
      String resourceType,
      java.util.Set<String> resources,
      java.util.Set<String> scopes,
      String policyId) {
    var existing = authz.permissions().scope().findByName(name);
    var wanted =
        existing == null
            ? new org.keycloak.representations.idm.authorization.ScopePermissionRepresentation()
            : existing;
    wanted.setName(name);
    wanted.setResourceType(resourceType);
    wanted.setResources(resources);
    wanted.setScopes(scopes);
    wanted.setPolicies(java.util.Set.of(policyId));
    wanted.setDecisionStrategy(
        org.keycloak.representations.idm.authorization.DecisionStrategy.UNANIMOUS);
    if (existing == null) {
      try (var response = authz.permissions().scope().create(wanted)) {
        if (response.getStatus() >= 300) {
          throw new IllegalStateException(
              "Keycloak refused the permission " + name + ": HTTP " + response.getStatus());
        }
      }
    } else {
      authz.permissions().scope().findById(existing.getId()).update(wanted);
    }
  }

  /** The login flow that asks staff for a one-time code from an authenticator app. */
  static final String STAFF_OTP_FLOW = "clearpath browser";

  private static final String FORMS = "clearpath login forms";
  private static final String STAFF_CODE = "clearpath staff code";

  /**
   * Whether the realm's browser login asks everyone but clients (counselors, supervisors, admins,
   * directors) for a one-time code after their password (TOTP, Keycloak's OTP policy). Someone
   * without an authenticator app yet sets one up at that login. Keycloak's own {@code browser} flow
   * is used when not. Idempotent: this runs at every start.
   */
  void requireStaffSecondFactor(boolean required) {
    if (required) {
      ensureStaffOtpFlow();
    }
    var wanted = required ? STAFF_OTP_FLOW : "browser";
    var representation = realm().toRepresentation();
    if (!wanted.equals(representation.getBrowserFlow())) {
      representation.setBrowserFlow(wanted);
      realm().update(representation);
    }
  }

  /**
   * The flow, made once: the session cookie, or the password form followed, for anyone who is not a
   * client, by the one-time code form (which has them set up an app first if they have none).
   */
  private void ensureStaffOtpFlow() {
    var flows = realm().flows();
    var made =
        flows.getFlows().stream()
            .filter(flow -> STAFF_OTP_FLOW.equals(flow.getAlias()))
            .findFirst();
    if (made.isPresent()) {
      if (complete(flows.getExecutions(STAFF_OTP_FLOW))) {
        return;
      }
      // left half made by a start that stopped: made again, unbound first
      var representation = realm().toRepresentation();
      if (STAFF_OTP_FLOW.equals(representation.getBrowserFlow())) {
        representation.setBrowserFlow("browser");
        realm().update(representation);
      }
      flows.deleteFlow(made.get().getId());
    }
    var top = new org.keycloak.representations.idm.AuthenticationFlowRepresentation();
    top.setAlias(STAFF_OTP_FLOW);
    top.setDescription("Clearpath: password, then a one-time code for staff");
    top.setProviderId("basic-flow");
    top.setTopLevel(true);
    top.setBuiltIn(false);
    try (var response = flows.createFlow(top)) {
      if (response.getStatus() >= 300) {
        throw new IllegalStateException(
            "Keycloak refused the login flow: HTTP " + response.getStatus());
      }
    }
    flows.addExecution(STAFF_OTP_FLOW, java.util.Map.of("provider", "auth-cookie"));
    flows.addExecutionFlow(
        STAFF_OTP_FLOW,
        java.util.Map.of(
            "alias", FORMS, "type", "basic-flow", "provider", "", "description", "Password"));
    flows.addExecution(FORMS, java.util.Map.of("provider", "auth-username-password-form"));
    flows.addExecutionFlow(
        FORMS,
        java.util.Map.of(
            "alias",
            STAFF_CODE,
            "type",
            "basic-flow",
            "provider",
            "",
            "description",
            "A one-time code for everyone but clients"));
    flows.addExecution(STAFF_CODE, java.util.Map.of("provider", "conditional-user-role"));
    flows.addExecution(STAFF_CODE, java.util.Map.of("provider", "auth-otp-form"));
    for (var execution : flows.getExecutions(STAFF_OTP_FLOW)) {
      var requirement =
          switch (String.valueOf(execution.getProviderId())) {
            case "auth-cookie" -> "ALTERNATIVE";
            case "auth-username-password-form", "conditional-user-role", "auth-otp-form" ->
                "REQUIRED";
            default ->
                STAFF_CODE.equals(execution.getDisplayName()) ? "CONDITIONAL" : "ALTERNATIVE";
          };
      execution.setRequirement(requirement);
      flows.updateExecutions(STAFF_OTP_FLOW, execution);
      if ("conditional-user-role".equals(execution.getProviderId())) {
        var config = new org.keycloak.representations.idm.AuthenticatorConfigRepresentation();
        config.setAlias("clearpath-not-a-client");
        config.setConfig(java.util.Map.of("condUserRole", "client", "negate", "true"));
        try (var response = flows.newExecutionConfig(execution.getId(), config)) {
          if (response.getStatus() >= 300) {
            throw new IllegalStateException(
                "Keycloak refused the staff condition: HTTP " + response.getStatus());
          }
        }
      }
    }
  }

  /** Whether the flow has each of its steps, the staff condition configured. */
  private static boolean complete(
      List<org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation> steps) {
    var providers =
        steps.stream()
            .map(
                org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation
                    ::getProviderId)
            .toList();
    return providers.containsAll(
            List.of(
                "auth-cookie",
                "auth-username-password-form",
                "conditional-user-role",
                "auth-otp-form"))
        && steps.stream()
            .anyMatch(
                step ->
                    "conditional-user-role".equals(step.getProviderId())
                        && step.getAuthenticationConfig() != null);
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
