package org.clearpath.api.security;

/** Realm role names for {@code @Secured}. They match {@link org.clearpath.domain.shared.Role}. */
public final class Roles {
  public static final String COUNSELOR = "counselor";
  public static final String SUPERVISOR = "supervisor";
  public static final String CLIENT = "client";
  public static final String ADMIN = "admin";
  public static final String DIRECTOR = "director";

  private Roles() {}
}
