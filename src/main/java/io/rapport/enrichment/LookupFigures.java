package io.rapport.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What enrichment cost and found, per provider and day (UTC), counted from the record of every
 * lookup: calls made, answers from the cache, matches, errors, and the month's calls beside the
 * budget.
 */
@Component
public final class LookupFigures {

  private final JdbcClient jdbc;
  private final Clock clock;

  LookupFigures(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Each provider's figures over the last {@code days} days including today, newest day first;
   * providers in name order, days without lookups left out.
   */
  public Map<String, List<Day>> byDay(int days) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(days - 1L);
    // Days are counted from the epoch in SQL, the same way on H2 and PostgreSQL whatever the
    // session's time zone.
    Map<String, List<Day>> figures = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT provider_id, day_number,
              SUM(CASE WHEN cache_hit THEN 0 ELSE 1 END) AS calls,
              SUM(CASE WHEN cache_hit THEN 1 ELSE 0 END) AS cache_hits,
              SUM(CASE WHEN outcome = 'MATCH' THEN 1 ELSE 0 END) AS matches,
              SUM(CASE WHEN outcome = 'NO_MATCH' THEN 1 ELSE 0 END) AS no_matches,
              SUM(CASE WHEN outcome = 'ERROR' THEN 1 ELSE 0 END) AS errors,
              SUM(CASE WHEN cache_hit THEN 0 ELSE duration_ms END) AS call_ms
            FROM (SELECT provider_id, cache_hit, outcome, duration_ms,
                    FLOOR(EXTRACT(EPOCH FROM occurred_at) / 86400) AS day_number
                  FROM enrichment_lookup WHERE occurred_at >= ?) lookups
            GROUP BY provider_id, day_number
            ORDER BY provider_id, day_number DESC""")
        .param(first.atStartOfDay().atOffset(ZoneOffset.UTC))
        .query(
            (RowCallbackHandler)
                row -> {
                  long calls = row.getLong("calls");
                  figures
                      .computeIfAbsent(row.getString("provider_id"), provider -> new ArrayList<>())
                      .add(
                          new Day(
                              LocalDate.ofEpochDay(row.getLong("day_number")),
                              calls,
                              row.getLong("cache_hits"),
                              row.getLong("matches"),
                              row.getLong("no_matches"),
                              row.getLong("errors"),
                              calls == 0
                                  ? null
                                  : Duration.ofMillis(row.getLong("call_ms") / calls)));
                });
    return figures;
  }

  /** Calls made to each provider this calendar month (UTC), answers from the cache aside. */
  public Map<String, Long> callsThisMonth() {
    YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    Map<String, Long> calls = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT provider_id, COUNT(*) AS calls FROM enrichment_lookup
            WHERE occurred_at >= ? AND NOT cache_hit GROUP BY provider_id ORDER BY provider_id""")
        .param(month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))
        .query(
            (RowCallbackHandler)
                row -> calls.put(row.getString("provider_id"), row.getLong("calls")));
    return calls;
  }

  /**
   * One provider's day.
   *
   * @param calls lookups the provider was asked, which is what it charges for
   * @param cacheHits lookups answered from the cache, which cost nothing
   * @param averageCall how long a call took on average; null when none was made
   */
  public record Day(
      LocalDate day,
      long calls,
      long cacheHits,
      long matches,
      long noMatches,
      long errors,
      Duration averageCall) {

    /** Of all lookups, the share answered by a match; null when there were none. */
    public Double matchRate() {
      long lookups = calls + cacheHits;
      return lookups == 0 ? null : (double) matches / lookups;
    }

    /** Of all lookups, the share the cache answered; null when there were none. */
    public Double cacheHitRate() {
      long lookups = calls + cacheHits;
      return lookups == 0 ? null : (double) cacheHits / lookups;
    }
  }
}
