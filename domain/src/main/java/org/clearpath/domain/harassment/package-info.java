/**
 * Harassing collection: rules over the contact log that find excessive, badly-timed or third-party
 * contact, in dated rule packs with a citation for each rule, governing a debt by its jurisdiction
 * and its lender's kind (DOMAIN.md, "Harassing collection", "Collection rules by jurisdiction").
 */
package org.clearpath.domain.harassment;
