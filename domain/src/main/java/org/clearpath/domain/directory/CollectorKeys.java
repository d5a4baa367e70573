package org.clearpath.domain.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.text.Normalizer;
import java.util.Locale;

/**
 * One form for what people write differently: {@code 0755-1234 5678}, {@code +86 755 12345678} and
 * {@code 075512345678} are one number; {@code ＡＢＣ资产 } and {@code abc 资产} one agency.
 */
public final class CollectorKeys {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private CollectorKeys() {}

  /** A number and how to show it. */
  public record Number(String key, String label) {}

  /**
   * The number in E.164 when it is a possible number where the office is ({@code region}, e.g. CN)
   * or where its {@code +} says; otherwise its digits (service numbers like 95588). {@code null}
   * for text without digits.
   */
  public static Number number(String raw, String region) {
    if (raw == null) {
      return null;
    }
    var digits = raw.replaceAll("[^0-9]", "");
    if (digits.isEmpty()) {
      return null;
    }
    try {
      var parsed = PHONES.parse(raw, region);
      if (PHONES.isPossibleNumber(parsed) && digits.length() >= 7) {
        var key = PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        var label = PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        return new Number(key, label);
      }
    } catch (NumberParseException notANumber) {
      // kept as its digits below
    }
    return new Number(digits, digits);
  }

  /**
   * An agency name compared without regard to full- or half-width forms, case or spaces; {@code
   * null} when blank.
   */
  public static String agency(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return Normalizer.normalize(raw, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s\\p{Z}]+", "");
  }
}
