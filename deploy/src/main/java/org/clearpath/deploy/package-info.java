/**
 * Running Clearpath locally and in end-to-end tests: the realm import, a Keycloak process from the
 * Maven Central distribution, embedded PostgreSQL, and the app, all on loopback.
 */
package org.clearpath.deploy;
