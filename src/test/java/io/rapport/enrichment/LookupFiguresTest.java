package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The costs view's figures, counted per provider and UTC day from recorded lookups. */
class LookupFiguresTest {

  private static final Instant NOW = Instant.parse("2026-12-04T09:30:00Z");

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void lookupsAreCountedPerProviderAndUtcDayAndCacheHitsAreNotCalls(TestDatabase database) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    record(database, "clearbit", LookupOutcome.MATCH, false, 120, "2026-12-04T00:00:00Z");
    record(database, "clearbit", LookupOutcome.NO_MATCH, false, 280, "2026-12-04T09:00:00Z");
    record(database, "clearbit", LookupOutcome.MATCH, true, 0, "2026-12-04T09:10:00Z");
    record(database, "clearbit", LookupOutcome.ERROR, false, 5000, "2026-12-03T23:59:59Z");
    record(database, "website", LookupOutcome.MATCH, false, 300, "2026-11-30T12:00:00Z");
    record(database, "website", LookupOutcome.MATCH, false, 300, "2026-10-01T12:00:00Z");

    LookupFigures figures = new LookupFigures(database.jdbc(), clock);

    var byDay = figures.byDay(30);
    assertThat(byDay).containsOnlyKeys("clearbit", "website");
    assertThat(byDay.get("clearbit"))
        .containsExactly(
            new LookupFigures.Day(
                LocalDate.parse("2026-12-04"), 2, 1, 2, 1, 0, Duration.ofMillis(200)),
            new LookupFigures.Day(
                LocalDate.parse("2026-12-03"), 1, 0, 0, 0, 1, Duration.ofMillis(5000)));
    assertThat(byDay.get("clearbit").getFirst().matchRate()).isEqualTo(2.0 / 3);
    assertThat(byDay.get("clearbit").getFirst().cacheHitRate()).isEqualTo(1.0 / 3);
    assertThat(byDay.get("website")).hasSize(1);
    assertThat(figures.callsThisMonth()).containsExactly(java.util.Map.entry("clearbit", 3L));
  }

  private static void record(
      TestDatabase database,
      String provider,
      LookupOutcome outcome,
      boolean cacheHit,
      int durationMs,
      String at) {
    new LookupLedger(database.jdbc(), Clock.fixed(Instant.parse(at), ZoneOffset.UTC))
        .record(provider, Subject.PERSON, null, outcome, cacheHit, Duration.ofMillis(durationMs));
  }
}
