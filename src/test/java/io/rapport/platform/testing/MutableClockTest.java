package io.rapport.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void standsStillUntilMoved() {
    MutableClock clock = new MutableClock(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void advanceAndSetMoveIt() {
    MutableClock clock = new MutableClock(START);

    clock.advance(Duration.ofMinutes(15));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(900));

    clock.set(START.minusSeconds(1));
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli() - 1000);
  }

  @Test
  void zonedCopiesShareTheTime() {
    MutableClock clock = new MutableClock(START);
    Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));

    clock.advance(Duration.ofHours(1));

    assertThat(berlin.instant()).isEqualTo(clock.instant());
    assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }
}
