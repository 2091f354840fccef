package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.MutableClock;
import io.rapport.platform.testing.TestDatabase;
import io.rapport.platform.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rate limit and the monthly budget as the database counts them, with two instances standing
 * for two nodes on one database, on H2 and PostgreSQL.
 */
class ProviderLimitsTest {

  private static final Instant NOON = Instant.parse("2026-03-31T12:00:00Z");

  private final MutableClock clock = new MutableClock(NOON);

  @Test
  void anySixtySecondsHoldAtMostTheLimitAndAMinuteNearlyAllOfIt() {
    for (int limit : new int[] {1, 5, 59, 60, 61, 90, 600, 601, 1000, 6000}) {
      ProviderLimits.Window first = ProviderLimits.rateWindow(limit, NOON);
      long length = first.length().toMillis();
      // Spans starting at seven points of every window, across three minutes of windows.
      for (long offset = 0; offset < 180_000; offset += Math.max(1, length / 7)) {
        Instant from = NOON.plusMillis(offset);
        assertThat(callsBetween(limit, from, from.plusSeconds(60)))
            .as("%d a minute, from %s", limit, from)
            .isLessThanOrEqualTo(limit);
      }
      long aMinute = callsBetween(limit, NOON, NOON.plusSeconds(60));
      assertThat(aMinute).as("%d a minute", limit).isGreaterThanOrEqualTo(limit * 3L / 5);
    }
    assertThat(callsBetween(600, NOON, NOON.plusSeconds(60))).isBetween(580L, 600L);
    // A call arriving up to one window after its slot: the service's minute spans 61 s of slots.
    for (long offset = 0; offset < 120_000; offset += 250) {
      Instant from = NOON.plusMillis(offset);
      assertThat(callsBetween(600, from, from.plusSeconds(61))).isLessThanOrEqualTo(600);
    }
    assertThat(ProviderLimits.rateWindow(600, NOON).length()).isEqualTo(Duration.ofSeconds(1));
    assertThat(ProviderLimits.rateWindow(600, NOON).capacity()).isBetween(9, 10);
    assertThat(ProviderLimits.rateWindow(90, NOON).length()).isEqualTo(Duration.ofMillis(1334));
    assertThat(ProviderLimits.rateWindow(5, NOON).length()).isEqualTo(Duration.ofSeconds(12));
    assertThat(ProviderLimits.rateWindow(5, NOON.plusSeconds(13)).start())
        .isEqualTo(NOON.plusSeconds(12));
  }

  /** The calls the windows allow in [from, to): those of every window starting in it. */
  private static long callsBetween(int limit, Instant from, Instant to) {
    long calls = 0;
    ProviderLimits.Window window = ProviderLimits.rateWindow(limit, from);
    // The window holding `from` counts whole: its calls may all come at its end, inside the span.
    for (; window.start().isBefore(to); window = ProviderLimits.rateWindow(limit, window.end())) {
      calls += window.capacity();
    }
    return calls;
  }

  @Test
  void theMonthWindowIsTheCalendarMonthInUtc() {
    ProviderLimits.Window march = ProviderLimits.monthWindow(100, NOON);

    assertThat(march.start()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(march.end()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void aCallOverTheRateLimitOfTwoNodesIsPutOffUntilTheNextWindow(TestDatabase database) {
    ProviderLimits first = limits(database, Duration.ZERO);
    ProviderLimits second = limits(database, Duration.ZERO);
    ProviderSettings settings = settings(120, 0);

    assertThat(first.awaitRateSlot(settings)).isEmpty();
    assertThat(second.awaitRateSlot(settings)).isEmpty();
    clock.advance(Duration.ofMillis(400));
    Optional<Duration> putOff = first.awaitRateSlot(settings);

    assertThat(putOff).contains(Duration.ofMillis(600));
    clock.advance(Duration.ofMillis(600));
    assertThat(second.awaitRateSlot(settings)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void theMonthlyBudgetHoldsAcrossNodesAndIsReportedOnceAMonth(TestDatabase database) {
    ProviderLimits first = limits(database, Duration.ZERO);
    ProviderLimits second = limits(database, Duration.ZERO);
    ProviderSettings settings = settings(0, 3);

    assertThat(first.takeBudget(settings)).isTrue();
    assertThat(second.takeBudget(settings)).isTrue();
    assertThat(first.budgetLeft(settings)).isTrue();
    assertThat(second.takeBudget(settings)).isTrue();

    assertThat(first.budgetLeft(settings)).isFalse();
    assertThat(first.takeBudget(settings)).isFalse();
    assertThat(second.firstToReportSpentBudget("paid")).isTrue();
    assertThat(first.firstToReportSpentBudget("paid")).isFalse();
    assertThat(first.callsThisMonth("paid")).isEqualTo(3);

    clock.set(Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(second.budgetLeft(settings)).isTrue();
    assertThat(second.takeBudget(settings)).isTrue();
    assertThat(second.callsThisMonth("paid")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void manyThreadsOnTwoNodesNeverTakeMoreThanTheBudget(TestDatabase database) throws Exception {
    List<ProviderLimits> nodes =
        List.of(limits(database, Duration.ZERO), limits(database, Duration.ZERO));
    ProviderSettings settings = settings(0, 50);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ProviderLimits node = nodes.get(i % 2);
      tasks.add(
          () -> {
            int taken = 0;
            for (int call = 0; call < 20; call++) {
              taken += node.takeBudget(settings) ? 1 : 0;
            }
            return taken;
          });
    }

    int taken = 0;
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      for (Future<Integer> result : threads.invokeAll(tasks)) {
        taken += result.get();
      }
    }

    assertThat(taken).isEqualTo(50);
    assertThat(nodes.get(0).callsThisMonth("paid")).isEqualTo(50);
  }

  @Test
  void aCallWaitsForTheNextWindowWithinTheBound() {
    try (TestDatabase database = TestDatabases.h2()) {
      ProviderLimits limits =
          new ProviderLimits(
              database.jdbc(),
              java.time.Clock.systemUTC(),
              JobNodes.withRateLimitWait(Duration.ofSeconds(5)));
      ProviderSettings settings = settings(60, 0);
      long start = System.nanoTime();

      assertThat(limits.awaitRateSlot(settings)).isEmpty();
      assertThat(limits.awaitRateSlot(settings)).isEmpty();

      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertThat(waited).isBetween(Duration.ZERO, Duration.ofMillis(1200));
      assertThat(limits.callsThisMonth("paid")).isZero();
    }
  }

  private ProviderLimits limits(TestDatabase database, Duration wait) {
    return new ProviderLimits(database.jdbc(), clock, JobNodes.withRateLimitWait(wait));
  }

  private static ProviderSettings settings(int requestsPerMinute, int monthlyBudget) {
    return new ProviderSettings(
        "paid",
        CountingProviderType.TYPE,
        10,
        true,
        null,
        null,
        requestsPerMinute,
        Duration.ofSeconds(5),
        monthlyBudget,
        Duration.ofDays(30));
  }
}
