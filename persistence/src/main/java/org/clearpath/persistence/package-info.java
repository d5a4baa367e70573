/**
 * Adapters that keep the domain's data in PostgreSQL with Micronaut Data JDBC. Each feature package
 * holds package-private row types and repositories, and one public adapter implementing the domain
 * port; rows are mapped to domain records explicitly and never leave this module. The schema comes
 * only from the Flyway migrations in {@code db/migration}.
 */
package org.clearpath.persistence;
