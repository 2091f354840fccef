package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@code Retry-After} header as RFC 9110 writes it: seconds, or an HTTP date. */
class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

  @Test
  void secondsAreADelay() {
    assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofMinutes(2));
    assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void aDateIsTheDelayUntilIt() {
    assertThat(RetryAfter.parse("Fri, 04 Dec 2026 09:05:00 GMT", NOW))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(RetryAfter.parse("Fri, 04 Dec 2026 08:55:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void noHeaderOrOneThatCannotBeReadLeavesTheDelayToTheJob() {
    assertThat(RetryAfter.parse(null, NOW)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", NOW)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("-5", NOW)).isEqualTo(Duration.ZERO);
  }
}
