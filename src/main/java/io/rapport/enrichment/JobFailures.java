package io.rapport.enrichment;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Enrichment jobs that gave up after their last try, one row per user in {@code
 * enrichment_failure}, until the user is enriched or the job is run again.
 */
@Component
final class JobFailures {

  /** What the column holds; a longer reason is cut, since it is read, not parsed. */
  private static final int REASON_LENGTH = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;

  JobFailures(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(String userId, String trigger, int attempts, String reason) {
    String text = reason == null || reason.isBlank() ? "unknown" : reason;
    if (text.length() > REASON_LENGTH) {
      text = text.substring(0, REASON_LENGTH - 1) + "…";
    }
    remove(userId);
    jdbc.sql(
            """
            INSERT INTO enrichment_failure (user_id, job_trigger, attempts, reason, failed_at)
            SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM user_account WHERE id = ?)""")
        .params(userId, trigger, attempts, text, clock.instant().atOffset(ZoneOffset.UTC), userId)
        .update();
  }

  /** Forgets the user's failure; whether there was one. */
  boolean remove(String userId) {
    return jdbc.sql("DELETE FROM enrichment_failure WHERE user_id = ?").param(userId).update() > 0;
  }
}
