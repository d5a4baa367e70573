/**
 * The contact log: every contact with lenders and collectors, append-only; a correction is a new
 * entry that refers to the one it corrects (DOMAIN.md, "Contacts with lenders and collectors").
 */
package org.clearpath.domain.contact;
