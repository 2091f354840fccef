package io.rapport.identity;

import io.rapport.platform.Digests;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secrets in links sent by mail. A token is 32 random bytes; only its SHA-256 is stored, and it
 * works once, for one purpose, until it expires.
 */
@Component
final class OneTimeTokens {

  enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  OneTimeTokens(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  String issue(String userId, Purpose purpose, Duration lifetime) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql(
            """
            INSERT INTO one_time_token (token_hash, user_id, purpose, expires_at)
            VALUES (?, ?, ?, ?)""")
        .params(
            hash(token),
            userId,
            purpose.name(),
            clock.instant().plus(lifetime).atOffset(ZoneOffset.UTC))
        .update();
    return token;
  }

  /** Whether the token is currently valid for the purpose, without using it up. */
  Optional<String> peek(String token, Purpose purpose) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT user_id FROM one_time_token
            WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
        .params(hash(token), purpose.name(), now())
        .query(String.class)
        .optional();
  }

  /**
   * Uses the token up and returns its user. The update succeeds for one caller only, so two
   * concurrent clicks on one link cannot both succeed.
   */
  Optional<String> consume(String token, Purpose purpose) {
    Optional<String> userId = peek(token, purpose);
    if (userId.isEmpty()) {
      return Optional.empty();
    }
    int used =
        jdbc.sql(
                """
                UPDATE one_time_token SET used_at = ?
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
            .params(now(), hash(token), now())
            .update();
    return used == 1 ? userId : Optional.empty();
  }

  /** Invalidates every open token of the user for the purpose (after a password change). */
  void revokeAll(String userId, Purpose purpose) {
    jdbc.sql(
            """
            UPDATE one_time_token SET used_at = ?
            WHERE user_id = ? AND purpose = ? AND used_at IS NULL""")
        .params(now(), userId, purpose.name())
        .update();
  }

  private java.time.OffsetDateTime now() {
    return Instant.now(clock).atOffset(ZoneOffset.UTC);
  }

  private static String hash(String token) {
    return Digests.sha256Hex(token);
  }
}
