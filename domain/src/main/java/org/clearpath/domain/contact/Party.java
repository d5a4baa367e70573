package org.clearpath.domain.contact;

/** Who was contacted. Anyone but the client is a third party. */
public enum Party {
  CLIENT,
  FAMILY,
  EMPLOYER,
  FRIEND_OR_CONTACT,
  OTHER_THIRD_PARTY;

  public boolean isThirdParty() {
    return this != CLIENT;
  }
}
