package io.rapport.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records every lookup, answered from the cache or not, with its provider, outcome and duration:
 * what enrichment found and cost. Monthly budgets are counted apart, in {@link ProviderLimits}.
 */
@Component
final class LookupLedger {

  private final JdbcClient jdbc;
  private final Clock clock;

  LookupLedger(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** When the user was last looked up by any provider; empty when never. */
  Optional<Instant> lastLookup(String userId) {
    return jdbc.sql("SELECT MAX(occurred_at) FROM enrichment_lookup WHERE user_id = ?")
        .param(userId)
        .query((row, number) -> row.getObject(1, OffsetDateTime.class))
        .optional()
        .map(OffsetDateTime::toInstant);
  }

  void record(
      String providerId,
      Subject subject,
      String userId,
      LookupOutcome outcome,
      boolean cacheHit,
      Duration duration) {
    jdbc.sql(
            """
            INSERT INTO enrichment_lookup
              (provider_id, subject_kind, user_id, outcome, cache_hit, duration_ms, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            providerId,
            subject.name(),
            userId,
            outcome.name(),
            cacheHit,
            (int) Math.min(Integer.MAX_VALUE, duration.toMillis()),
            clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }
}
