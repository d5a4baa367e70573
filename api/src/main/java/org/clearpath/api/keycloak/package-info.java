/** Keycloak admin integration (keycloak-admin-client): client portal logins. */
package org.clearpath.api.keycloak;
