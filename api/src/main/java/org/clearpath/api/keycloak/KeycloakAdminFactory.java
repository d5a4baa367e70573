package org.clearpath.api.keycloak;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

@Factory
class KeycloakAdminFactory {

  /** Connects lazily: nothing is sent to Keycloak until the first admin call. */
  @Singleton
  @Bean(preDestroy = "close")
  Keycloak keycloakAdmin(KeycloakSettings settings) {
    return KeycloakBuilder.builder()
        .serverUrl(settings.url())
        .realm(settings.realm())
        .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
        .clientId(settings.adminClientId())
        .clientSecret(settings.adminClientSecret())
        .build();
  }
}
