package io.rapport.enrichment;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each user's choices about enrichment in {@code enrichment_consent}, appended and never changed,
 * so that what a user agreed to, when, on which basis and where stays on record.
 */
@Component
final class ConsentRecords {

  static final String SIGNUP = "signup";
  static final String ACCOUNT = "account";

  private final JdbcClient jdbc;
  private final Clock clock;

  ConsentRecords(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @param source {@code signup} or {@code account}
   * @param signupRegion the sign-up page's region; null when unknown or not a sign-up
   */
  void record(
      String userId,
      ConsentChoice choice,
      EnrichmentBasis basis,
      String source,
      String signupRegion) {
    jdbc.sql(
            """
            INSERT INTO enrichment_consent
              (user_id, choice, basis, source, signup_region, decided_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            userId,
            choice.name(),
            basis.written(),
            source,
            signupRegion,
            clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  /** The choice in force; {@code NONE} for a user who never made one (signed up before V9). */
  ConsentChoice choice(String userId) {
    return jdbc.sql(
            "SELECT choice FROM enrichment_consent WHERE user_id = ? ORDER BY id DESC LIMIT 1")
        .param(userId)
        .query(String.class)
        .optional()
        .map(ConsentChoice::valueOf)
        .orElse(ConsentChoice.NONE);
  }

  /** The region of the language the user signed up in, if it named one. */
  Optional<String> signupRegion(String userId) {
    return jdbc.sql(
            """
            SELECT signup_region FROM enrichment_consent
            WHERE user_id = ? AND source = ? AND signup_region IS NOT NULL
            ORDER BY id LIMIT 1""")
        .params(userId, SIGNUP)
        .query(String.class)
        .optional();
  }
}
