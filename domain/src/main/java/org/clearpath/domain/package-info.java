/**
 * The Clearpath domain: what a debt-counselling case is and the rules about it, in plain Java.
 *
 * <p>Packages are features ({@code casefile}, {@code audit}, later stage, contact, harassment,
 * plan, budget). Each holds its records, its policies and the repository ports that adapters in
 * {@code persistence} implement. Nothing here knows about HTTP, SQL or a DI container; an ArchUnit
 * test keeps it that way.
 */
package org.clearpath.domain;
