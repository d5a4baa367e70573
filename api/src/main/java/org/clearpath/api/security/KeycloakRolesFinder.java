package org.clearpath.api.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads roles where Keycloak puts realm roles: {@code realm_access.roles}. Session cookies that
 * this app issues itself carry the same roles in a flat {@code roles} claim, so both are read. A
 * director is a supervisor of every team: {@code director} brings {@code supervisor} with it.
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
public class KeycloakRolesFinder implements RolesFinder {
  static final String REALM_ACCESS = "realm_access";
  static final String ROLES = "roles";

  @Override
  public List<String> resolveRoles(Map<String, Object> attributes) {
    var roles = new ArrayList<String>();
    if (attributes == null) {
      return roles;
    }
    if (attributes.get(REALM_ACCESS) instanceof Map<?, ?> realmAccess) {
      addAll(roles, realmAccess.get(ROLES));
    }
    addAll(roles, attributes.get(ROLES));
    if (roles.contains(Roles.DIRECTOR)) {
      roles.add(Roles.SUPERVISOR);
    }
    return roles.stream().distinct().toList();
  }

  private static void addAll(List<String> into, Object claim) {
    if (claim instanceof Collection<?> values) {
      values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(into::add);
    }
  }
}
