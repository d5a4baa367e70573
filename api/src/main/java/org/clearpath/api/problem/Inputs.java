package org.clearpath.api.problem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;

/** Turns request text into domain values, naming the field when it cannot. */
public final class Inputs {
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000"); // 1e12
  private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

  private Inputs() {}

  /** A case id from a URL; anything malformed is a case that is not there (404). */
  public static org.clearpath.domain.shared.CaseId caseId(String id) {
    return org.clearpath.domain.shared.CaseId.parse(id)
        .orElseThrow(() -> new org.clearpath.domain.shared.NotFound("case " + id));
  }

  /** Any other id from a URL (entry, file, flag, complaint); malformed means not there (404). */
  public static java.util.UUID pathId(String what, String text) {
    try {
      return java.util.UUID.fromString(text);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new org.clearpath.domain.shared.NotFound(what + " " + text);
    }
  }

  public static String required(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput(field, "this is required", Message.of("input.required"));
    }
    return text.strip();
  }

  public static Currency currency(String field, String code) {
    try {
      return Currency.getInstance(required(field, code).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          field, "not a currency code (ISO 4217, like CNY)", Message.of("input.currency"));
    }
  }

  /** Plain decimal text: no exponent, no sign but minus, at most 13 digits before the point. */
  private static final java.util.regex.Pattern PLAIN_AMOUNT =
      java.util.regex.Pattern.compile("-?\\d{1,13}(\\.\\d{1,20})?");

  /**
   * A non-negative amount with no more decimals than the currency has. Empty is zero if allowed.
   * The text is checked before any arithmetic: {@code 1E-200000000} would otherwise cost minutes.
   */
  public static Money money(String field, String text, Currency currency, boolean emptyIsZero) {
    if ((text == null || text.isBlank()) && emptyIsZero) {
      return Money.zero(currency);
    }
    var plain = required(field, text);
    if (plain.length() > 40 || !PLAIN_AMOUNT.matcher(plain).matches()) {
      throw new InvalidInput(
          field,
          "not an amount: digits with an optional decimal point, like 1200.50",
          Message.of("input.amount"));
    }
    if (plain.startsWith("-")) {
      throw new InvalidInput(field, "an amount cannot be negative", Message.of("input.negative"));
    }
    var point = plain.indexOf('.');
    var decimals = point < 0 ? 0 : plain.length() - point - 1;
    if (decimals > Math.max(0, currency.getDefaultFractionDigits())) {
      throw new InvalidInput(
          field,
          "too many decimals for " + currency.getCurrencyCode(),
          Message.of("input.decimals", "currency", currency.getCurrencyCode()));
    }
    var amount = new BigDecimal(plain);
    if (amount.compareTo(MAX_AMOUNT) >= 0) {
      throw new InvalidInput(
          field, "the amount is impossibly large", Message.of("input.too-large"));
    }
    try {
      return new Money(amount, currency);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          field,
          "too many decimals for " + currency.getCurrencyCode(),
          Message.of("input.decimals", "currency", currency.getCurrencyCode()));
    }
  }

  /** A whole number between min and max written as plain digits; empty gives the fallback. */
  /** A list's page number from {@code ?page=} (from 0; the first when not given). */
  public static int page(String text) {
    return wholeNumber("page", text, 0, 100_000, 0);
  }

  /** A list's page size from {@code ?size=}: 1 to 200, {@code fallback} when not given. */
  public static int size(String text, int fallback) {
    return wholeNumber("size", text, 1, 200, fallback);
  }

  /** One page of a list, with how many there are in all in the X-Total-Count header. */
  public static <T> io.micronaut.http.MutableHttpResponse<java.util.List<T>> paged(
      java.util.List<T> items, long total) {
    return io.micronaut.http.HttpResponse.ok(items).header("X-Total-Count", Long.toString(total));
  }

  public static int wholeNumber(String field, String text, int min, int max, int fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    var plain = text.strip();
    if (!plain.matches("\\d{1,9}")) {
      throw new InvalidInput(
          field,
          "a whole number from " + min + " to " + max,
          Message.of("input.whole-number", "min", min, "max", max));
    }
    var value = Integer.parseInt(plain);
    if (value < min || value > max) {
      throw new InvalidInput(
          field,
          "a whole number from " + min + " to " + max,
          Message.of("input.whole-number", "min", min, "max", max));
    }
    return value;
  }

  /** A calendar date (yyyy-mm-dd) between 1990 and {@code latest}. */
  public static LocalDate date(String field, String text, LocalDate latest) {
    LocalDate date;
    try {
      date = LocalDate.parse(required(field, text));
    } catch (DateTimeParseException e) {
      throw new InvalidInput(field, "not a date (yyyy-mm-dd)", Message.of("input.date"));
    }
    if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
      throw new InvalidInput(
          field,
          "the date must lie between " + EARLIEST + " and " + latest,
          Message.of("input.date-range", "from", EARLIEST, "to", latest));
    }
    return date;
  }

  public static long version(Long version) {
    if (version == null) {
      throw new InvalidInput(
          "version",
          "send the version you read, to guard against lost updates",
          Message.of("input.version"));
    }
    return version;
  }

  /** An IANA time zone such as Asia/Shanghai. */
  public static java.time.ZoneId zone(String field, String text) {
    try {
      return java.time.ZoneId.of(required(field, text));
    } catch (java.time.DateTimeException e) {
      throw new InvalidInput(
          field, "not a time zone (like Asia/Shanghai)", Message.of("input.zone"));
    }
  }

  /** A local date and time (yyyy-mm-ddThh:mm[:ss]) in {@code zone}, as an instant. */
  public static java.time.Instant localTime(String field, String text, java.time.ZoneId zone) {
    try {
      return java.time.LocalDateTime.parse(required(field, text)).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInput(
          field, "not a local date and time (yyyy-mm-ddThh:mm)", Message.of("input.local-time"));
    }
  }

  /** An optional id; malformed ones are named. */
  public static java.util.UUID uuid(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return java.util.UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(field, "not an id", Message.of("input.id"));
    }
  }

  /** One of an enum's names; the message lists them. */
  public static <E extends Enum<E>> E oneOf(String field, String text, Class<E> type) {
    var allowed = java.util.Arrays.toString(type.getEnumConstants());
    if (text == null || text.isBlank()) {
      throw new InvalidInput(
          field, "one of " + allowed, Message.of("input.one-of", "allowed", allowed));
    }
    try {
      return Enum.valueOf(type, text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          field, "one of " + allowed, Message.of("input.one-of", "allowed", allowed));
    }
  }

  /** A list of ids, each named by its index when malformed. */
  public static java.util.List<java.util.UUID> uuids(String field, java.util.List<String> texts) {
    if (texts == null) {
      return java.util.List.of();
    }
    var ids = new java.util.ArrayList<java.util.UUID>();
    for (int i = 0; i < texts.size(); i++) {
      var id = uuid(field + "[" + i + "]", texts.get(i));
      if (id == null) {
        throw new InvalidInput(field + "[" + i + "]", "not an id", Message.of("input.id"));
      }
      ids.add(id);
    }
    return ids;
  }
}
