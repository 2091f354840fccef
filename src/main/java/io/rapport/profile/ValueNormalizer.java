package io.rapport.profile;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a raw value against a value type and returns the form that is stored: trimmed, and written
 * one way only (so that equal values compare equal in segments and exports).
 */
final class ValueNormalizer {

  static final int MAX_TEXT_LENGTH = 1000;

  /** Long enough for any real number; keeps {@code 1e999999999} from becoming a huge text. */
  private static final int MAX_NUMBER_LENGTH = 100;

  private static final int MAX_URL_LENGTH = 2000;
  private static final int MAX_EMAIL_LENGTH = 254;

  private static final Pattern CONTROL_EXCEPT_LINE_BREAKS =
      Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[^\\s@\\p{Cntrl}]{1,64}@"
              + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
              + "[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern PHONE_SEPARATORS = Pattern.compile("[ \\-().]");

  /** E.164: a plus, then a country code that does not start with 0, 7 to 15 digits in all. */
  private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{6,14}");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private ValueNormalizer() {}

  /** The stored form of {@code raw}, or empty when it is not a value of the type. */
  static Optional<String> normalize(ValueType type, String raw) {
    String value = raw.strip();
    return switch (type) {
      case TEXT -> text(value);
      case NUMBER -> number(value);
      case DATE -> date(value);
      case BOOLEAN -> bool(value);
      case EMAIL -> email(value);
      case URL -> url(value);
      case PHONE -> phone(value);
      case COUNTRY -> country(value);
    };
  }

  /** What a value of the type looks like, for error messages. */
  static String expectation(ValueType type) {
    return switch (type) {
      case TEXT -> "text of 1 to " + MAX_TEXT_LENGTH + " characters without control characters";
      case NUMBER -> "a decimal number such as 250 or -12.5";
      case DATE -> "an ISO-8601 date such as 2024-03-31 (yyyy-MM-dd)";
      case BOOLEAN -> "true or false";
      case EMAIL -> "an email address such as name@example.com";
      case URL -> "an absolute http or https URL such as https://example.com/";
      case PHONE -> "a phone number in E.164 form: + and 7 to 15 digits, such as +4930123456";
      case COUNTRY -> "an ISO 3166-1 alpha-2 country code such as DE or US";
    };
  }

  private static Optional<String> text(String value) {
    boolean valid =
        !value.isEmpty()
            && value.length() <= MAX_TEXT_LENGTH
            && !CONTROL_EXCEPT_LINE_BREAKS.matcher(value).find();
    return valid ? Optional.of(value) : Optional.empty();
  }

  private static Optional<String> number(String value) {
    if (value.length() > MAX_NUMBER_LENGTH) {
      return Optional.empty();
    }
    try {
      BigDecimal number = new BigDecimal(value).stripTrailingZeros();
      boolean reasonable = Math.abs(number.scale()) <= MAX_NUMBER_LENGTH;
      return reasonable ? Optional.of(number.toPlainString()) : Optional.empty();
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  private static Optional<String> date(String value) {
    if (!DATE.matcher(value).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value).toString());
    } catch (DateTimeParseException noSuchDay) {
      return Optional.empty();
    }
  }

  private static Optional<String> bool(String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Optional.of(value.toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  private static Optional<String> email(String value) {
    if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
      return Optional.empty();
    }
    // The local part may be case-sensitive; the domain never is.
    int at = value.lastIndexOf('@');
    return Optional.of(value.substring(0, at) + value.substring(at).toLowerCase(Locale.ROOT));
  }

  private static Optional<String> url(String value) {
    if (value.length() > MAX_URL_LENGTH) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      if (!web || uri.getHost() == null) {
        return Optional.empty();
      }
      return Optional.of(scheme.toLowerCase(Locale.ROOT) + value.substring(scheme.length()));
    } catch (URISyntaxException notAUri) {
      return Optional.empty();
    }
  }

  private static Optional<String> phone(String value) {
    String digits = PHONE_SEPARATORS.matcher(value).replaceAll("");
    return PHONE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
  }

  private static Optional<String> country(String value) {
    String code = value.toUpperCase(Locale.ROOT);
    return COUNTRIES.contains(code) ? Optional.of(code) : Optional.empty();
  }
}
