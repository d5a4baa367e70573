package org.clearpath.domain.contact;

public enum Channel {
  PHONE,
  SMS,
  EMAIL,
  APP_MESSAGE,
  LETTER,
  VISIT,
  IN_PERSON,
  MESSAGING_APP
}
