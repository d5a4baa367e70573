package org.clearpath.api.keycloak;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Where the realm is and how the app reaches its admin API: the confidential service client {@code
 * clearpath-service}, whose service account may view and manage users and give the counselor,
 * supervisor and client roles (nothing else: the launcher narrows it with Keycloak's fine-grained
 * admin permissions).
 */
@ConfigurationProperties("clearpath.keycloak")
public record KeycloakSettings(
    String url, String realm, String adminClientId, String adminClientSecret) {}
