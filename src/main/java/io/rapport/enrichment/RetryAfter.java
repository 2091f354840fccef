package io.rapport.enrichment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110, section 10.2.3) into the {@code retryAfter}
 * of {@link LookupResult#error}: either a number of seconds or an HTTP date.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * @param header the header's value; null when the service sent none
   * @param now the time the answer came, to turn a date into a delay
   * @return the delay the service asked for; {@link Duration#ZERO} when it asked for none, or for
   *     one that cannot be read, which leaves the delay to the job's backoff
   */
  public static Duration parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Duration.ZERO;
    }
    String value = header.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration delay = Duration.between(now, at);
        return delay.isNegative() ? Duration.ZERO : delay;
      } catch (DateTimeParseException notADate) {
        return Duration.ZERO;
      }
    }
  }
}
