package org.clearpath.domain.casefile;

import java.util.regex.Pattern;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * The client's contacts and identity document number, and the counselor's household notes. The ID
 * number is sensitive: it is shown masked everywhere except where a counselor explicitly reveals it
 * (which is audited). Household notes are internal and never shown to the client. Formats are not
 * tied to one country: a phone number is digits with optional +, spaces and dashes; an ID number is
 * 4 to 32 letters and digits. {@code zone} is the client's time zone and {@code jurisdiction} the
 * collection rules their loans fall under (a code like CN); none means the office's.
 */
public record ClientRecord(
    String phone,
    String email,
    String idNumber,
    String householdNotes,
    String zone,
    String jurisdiction) {
  public static final ClientRecord EMPTY = new ClientRecord(null, null, null, null, null, null);
  private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2,8}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{3,30}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final Pattern ID_NUMBER = Pattern.compile("[0-9A-Za-z]{4,32}");
  public static final int MAX_NOTES = 4000;

  public ClientRecord {
    phone = blankToNull(phone);
    email = blankToNull(email);
    idNumber = blankToNull(idNumber);
    householdNotes = blankToNull(householdNotes);
    zone = blankToNull(zone);
    jurisdiction = blankToNull(jurisdiction);
    if (jurisdiction != null) {
      jurisdiction = jurisdiction.toUpperCase(java.util.Locale.ROOT);
      if (!JURISDICTION.matcher(jurisdiction).matches()) {
        throw new InvalidInput(
            "jurisdiction",
            "a jurisdiction is a code of 2-8 letters, like CN",
            Message.of("input.jurisdiction"));
      }
    }
    if (zone != null) {
      try {
        zone = java.time.ZoneId.of(zone).getId();
      } catch (java.time.DateTimeException e) {
        throw new InvalidInput(
            "zone",
            "not a time zone (like Asia/Shanghai)",
            org.clearpath.domain.shared.Message.of("input.zone"));
      }
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new InvalidInput(
          "phone",
          "a phone number has digits, and optionally +, spaces, dashes",
          Message.of("refusal.a-phone-number-has-digits-and-optionally"));
    }
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      throw new InvalidInput(
          "email",
          "this is not an email address",
          org.clearpath.domain.shared.Message.of("input.email"));
    }
    if (idNumber != null) {
      idNumber = idNumber.toUpperCase(java.util.Locale.ROOT);
      if (!ID_NUMBER.matcher(idNumber).matches()) {
        throw new InvalidInput(
            "idNumber",
            "an ID number has 4 to 32 letters and digits",
            Message.of("refusal.id-number-format"));
      }
    }
    if (householdNotes != null && householdNotes.length() > MAX_NOTES) {
      throw new InvalidInput(
          "householdNotes",
          "notes are limited to " + MAX_NOTES + " characters",
          Message.of("input.max-length", "max", MAX_NOTES));
    }
  }

  /** A record without a time zone or jurisdiction of its own (the office's apply). */
  public ClientRecord(String phone, String email, String idNumber, String householdNotes) {
    this(phone, email, idNumber, householdNotes, null, null);
  }

  /** The jurisdiction whose rules judge the client's case: its own, else the office's. */
  public String jurisdictionOr(String office) {
    return jurisdiction == null ? office : jurisdiction;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** The ID number with all but its first 3 and last 4 characters hidden (short ones: last 2). */
  /**
   * A phone number as it is searched for (and its search hash taken): what is written, without
   * spaces or dashes.
   */
  public static String phoneDigits(String phone) {
    return phone.replaceAll("[\\s-]", "");
  }

  public String idNumberMasked() {
    if (idNumber == null) {
      return null;
    }
    int keepStart = idNumber.length() >= 12 ? 3 : 0;
    int keepEnd = idNumber.length() >= 8 ? 4 : 2;
    return idNumber.substring(0, keepStart)
        + "*".repeat(idNumber.length() - keepStart - keepEnd)
        + idNumber.substring(idNumber.length() - keepEnd);
  }

  /** The same record with the ID number masked: what audit entries and lists may show. */
  public String describeMasked() {
    return "phone="
        + phone
        + ", email="
        + email
        + ", idNumber="
        + idNumberMasked()
        + (zone == null ? "" : ", zone=" + zone)
        + (jurisdiction == null ? "" : ", jurisdiction=" + jurisdiction);
  }

  @Override
  public String toString() {
    return "ClientRecord[" + describeMasked() + "]"; // never the full ID number
  }
}
