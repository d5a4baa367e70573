/**
 * Harassing collection: rules over the contact log that find excessive, badly-timed or third-party
 * contact, configured per jurisdiction (DOMAIN.md, "Harassing collection").
 */
package org.clearpath.domain.harassment;
