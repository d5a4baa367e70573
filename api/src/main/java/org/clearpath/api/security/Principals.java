package org.clearpath.api.security;

import io.micronaut.security.authentication.Authentication;
import java.util.EnumSet;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;

/** How an authenticated request becomes a domain {@link Actor}. */
public final class Principals {
  public static final String USERNAME = "preferred_username";
  public static final String DISPLAY_NAME = "name";
  public static final String EMAIL = "email";
  public static final String LOCALE = "locale";

  private Principals() {}

  /** {@code sub} is the identity; unknown roles are ignored; no role means no access at all. */
  public static Actor actor(Authentication authentication) {
    var roles = EnumSet.noneOf(Role.class);
    authentication.getRoles().stream()
        .map(Role::fromClaimValue)
        .flatMap(java.util.Optional::stream)
        .forEach(roles::add);
    var username = authentication.getAttributes().get(USERNAME);
    return new Actor(
        new UserId(authentication.getName()), username == null ? null : username.toString(), roles);
  }
}
