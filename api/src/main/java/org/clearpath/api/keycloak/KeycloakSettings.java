package org.clearpath.api.keycloak;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Where the realm is and how the app reaches its admin API: the confidential service client {@code
 * clearpath-service}, whose service account may view users and manage client portal logins, giving
 * only the client role (the launcher narrows it with Keycloak's fine-grained admin permissions:
 * members of {@code staff} are not its to change). Staff accounts change with the acting admin's
 * own rights ({@link AdminRights}).
 */
@ConfigurationProperties("clearpath.keycloak")
public record KeycloakSettings(
    String url, String realm, String adminClientId, String adminClientSecret) {}
