package org.clearpath.domain.contact;

/**
 * What a collector did with a third party (family, employer, a contact): only asked how to reach
 * the client or to pass on a message, or told them of the debt (or asked them to pay). The rules
 * allow the first, once per third party, where a pack says so; the second never.
 */
public enum ThirdPartyPurpose {
  LOCATE_ONLY,
  DISCLOSED_DEBT
}
