/**
 * The Clearpath application: HTTP API, security, Keycloak integration and jobs. Packages follow the
 * domain's features ({@code casefile}) plus the cross-cutting {@code security}, {@code problem}
 * (error responses), {@code keycloak} (admin integration) and {@code web} (the served single-page
 * app). Domain use cases are wired explicitly in {@link
 * org.clearpath.api.casefile.CaseFileConfiguration}.
 */
package org.clearpath.api;
