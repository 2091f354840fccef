package io.rapport.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rate limit ({@code requests-per-minute}) and the monthly budget ({@code monthly-budget}) of
 * each provider, counted in {@code enrichment_provider_window} so that they hold across every node
 * on one database, with no other shared store.
 *
 * <p>Calls are counted per window. A call is taken by one conditional UPDATE ({@code calls = calls
 * + 1 WHERE calls < capacity}), which the database runs atomically on H2 and PostgreSQL alike, so
 * two nodes can never both take the last call of a window. The rate limit's windows are short (one
 * second or a little more, holding as many calls as make up the limit exactly), rather than one
 * whole minute: a minute's allowance spent at its start would come as a burst that services answer
 * with 429. A call over the rate limit waits for the next window, up to {@code
 * rapport.enrichment.rate-limit-wait}, since the aim is that no call is lost to the limit and the
 * limit is used in full; past that, the caller is told when the next window starts.
 *
 * <p>Each statement runs on its own, outside any transaction, as the enrichment jobs run: a call
 * counted stays counted whatever happens to the lookup, and on PostgreSQL the key collision of two
 * nodes making one row would otherwise abort the surrounding transaction.
 */
@Component
final class ProviderLimits {

  static final String RATE = "rate";
  static final String MONTH = "month";

  /** Rate windows older than this are deleted as new ones are made; they serve no one. */
  private static final Duration KEEP_RATE_WINDOWS = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(ProviderLimits.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration rateLimitWait;

  ProviderLimits(JdbcClient jdbc, Clock clock, EnrichmentProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.rateLimitWait = properties.rateLimitWait();
  }

  /**
   * A span of time in which at most {@code capacity} calls are made.
   *
   * @param start inclusive
   * @param length how long it lasts
   */
  record Window(Instant start, Duration length, int capacity) {

    Instant end() {
      return start.plus(length);
    }
  }

  /**
   * The rate window of this instant. Windows are {@code 60 s * ceil(rpm / 60) / rpm} long, rounded
   * up to the millisecond and aligned on the epoch: 1 s for 600 a minute, 1.334 s for 90, 12 s for
   * 5.
   *
   * <p>Any 60 seconds, wherever they start, overlap at most {@code ceil(60 s / length) + 1}
   * consecutive windows, one more than fit in a minute; and a call reaches the service a little
   * after its slot was taken (the pool, the connection, the network), so the minute the service
   * counts may reach one window further. So the limit is shared out over {@code m = ceil(60 s /
   * length) + 2} windows, not over a minute's worth: window {@code n} holds {@code floor((n + 1) *
   * rpm / m) - floor(n * rpm / m)} calls, and any {@code m} consecutive windows together hold
   * exactly {@code rpm}. A service that counts over a sliding minute then never sees more than its
   * limit while calls arrive within one window of their slot, at the price of {@code 2 / m} of it:
   * 600 a minute become 580 (9 or 10 calls a second), 90 become 86, 5 become 3 to 5.
   */
  static Window rateWindow(int requestsPerMinute, Instant now) {
    int most = (requestsPerMinute + 59) / 60;
    long lengthMillis = Math.ceilDiv(60_000L * most, requestsPerMinute);
    long index = Math.floorDiv(now.toEpochMilli(), lengthMillis);
    long overlapped = Math.ceilDiv(60_000L, lengthMillis) + 2;
    int capacity =
        (int)
            (Math.floorDiv((index + 1) * requestsPerMinute, overlapped)
                - Math.floorDiv(index * requestsPerMinute, overlapped));
    return new Window(
        Instant.ofEpochMilli(index * lengthMillis), Duration.ofMillis(lengthMillis), capacity);
  }

  /** The calendar month in UTC of this instant, holding the budget. */
  static Window monthWindow(int budget, Instant now) {
    YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return new Window(start, Duration.between(start, end), budget);
  }

  /**
   * Waits until the provider may be called under its rate limit, and takes that call.
   *
   * @return empty once the call is taken (at once when there is no limit); else how long until the
   *     next window starts, when it would start after {@code rate-limit-wait}
   */
  Optional<Duration> awaitRateSlot(ProviderSettings settings) {
    if (settings.requestsPerMinute() <= 0) {
      return Optional.empty();
    }
    long deadline = System.nanoTime() + rateLimitWait.toNanos();
    while (true) {
      Window window = rateWindow(settings.requestsPerMinute(), clock.instant());
      if (take(settings.id(), RATE, window)) {
        return Optional.empty();
      }
      Duration untilNext = Duration.between(clock.instant(), window.end());
      untilNext = untilNext.isNegative() ? Duration.ZERO : untilNext;
      if (untilNext.toNanos() > deadline - System.nanoTime() || !pause(untilNext, window)) {
        log.debug(
            "RAPPORT-ENRICH-015 Provider '{}' is at its rate limit; the lookup is put off",
            settings.id());
        return Optional.of(untilNext);
      }
    }
  }

  /** Whether the provider has calls left this month; always when it has no budget. */
  boolean budgetLeft(ProviderSettings settings) {
    if (settings.monthlyBudget() <= 0) {
      return true;
    }
    Window month = monthWindow(settings.monthlyBudget(), clock.instant());
    return jdbc.sql(
            """
            SELECT calls FROM enrichment_provider_window
            WHERE provider_id = ? AND window_kind = ? AND window_start = ?""")
        .params(settings.id(), MONTH, utc(month.start()))
        .query(Integer.class)
        .optional()
        .map(calls -> calls < settings.monthlyBudget())
        .orElse(true);
  }

  /** Takes one call of this month's budget; false when it is spent. */
  boolean takeBudget(ProviderSettings settings) {
    if (settings.monthlyBudget() <= 0) {
      return true;
    }
    return take(settings.id(), MONTH, monthWindow(settings.monthlyBudget(), clock.instant()));
  }

  /** Calls made this month, as the budget counts them. */
  int callsThisMonth(String providerId) {
    return jdbc.sql(
            """
            SELECT calls FROM enrichment_provider_window
            WHERE provider_id = ? AND window_kind = ? AND window_start = ?""")
        .params(providerId, MONTH, utc(monthWindow(1, clock.instant()).start()))
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /**
   * Marks this month's budget as reported full; true for the one caller, on any node, that marked
   * it, so that it is reported once a month.
   */
  boolean firstToReportSpentBudget(String providerId) {
    return jdbc.sql(
                """
                UPDATE enrichment_provider_window SET full_reported = true
                WHERE provider_id = ? AND window_kind = ? AND window_start = ?
                  AND full_reported = false""")
            .params(providerId, MONTH, utc(monthWindow(1, clock.instant()).start()))
            .update()
        == 1;
  }

  /**
   * Takes one call of the window: counts it in the window's row while the row has room, or makes
   * the row. Two nodes making the same row at once collide on its key; the loser counts its call in
   * the winner's row.
   */
  private boolean take(String providerId, String kind, Window window) {
    if (window.capacity() <= 0) {
      return false;
    }
    if (increment(providerId, kind, window)) {
      return true;
    }
    try {
      jdbc.sql(
              """
              INSERT INTO enrichment_provider_window
                (provider_id, window_kind, window_start, calls, full_reported)
              VALUES (?, ?, ?, 1, false)""")
          .params(providerId, kind, utc(window.start()))
          .update();
    } catch (DataIntegrityViolationException rowExists) {
      return increment(providerId, kind, window);
    }
    if (kind.equals(RATE)) {
      forgetOldRateWindows(providerId, window);
    }
    return true;
  }

  private boolean increment(String providerId, String kind, Window window) {
    return jdbc.sql(
                """
                UPDATE enrichment_provider_window SET calls = calls + 1
                WHERE provider_id = ? AND window_kind = ? AND window_start = ? AND calls < ?""")
            .params(providerId, kind, utc(window.start()), window.capacity())
            .update()
        == 1;
  }

  private void forgetOldRateWindows(String providerId, Window window) {
    jdbc.sql(
            """
            DELETE FROM enrichment_provider_window
            WHERE provider_id = ? AND window_kind = ? AND window_start < ?""")
        .params(providerId, RATE, utc(window.start().minus(KEEP_RATE_WINDOWS)))
        .update();
  }

  /**
   * Sleeps until the next window, and a little into it, so that the nodes waiting for it do not all
   * ask the database in the same millisecond; false when interrupted (a node stopping).
   */
  private static boolean pause(Duration untilNext, Window window) {
    long spread = Math.max(1, window.length().toMillis() / 20);
    try {
      Thread.sleep(untilNext.plusMillis(ThreadLocalRandom.current().nextLong(spread)));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
