package io.rapport.identity;

import io.rapport.platform.Digests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The brute-force rules, kept in the database so that every node applies the same ones.
 *
 * <ul>
 *   <li>Per account: after {@code freeFailures} failed attempts, each further attempt must wait
 *       {@code baseDelay} doubled per failure, up to {@code maxDelay}; and no account accepts more
 *       than {@code accountFailuresPerHour} failures in any hour.
 *   <li>Per IP address: {@code ipFailures} failures within {@code ipWindow}, on any accounts, stop
 *       further attempts from that address until the window has moved on (password spraying tries
 *       one password on many accounts, which the per-account rule cannot see).
 * </ul>
 *
 * Accounts are keyed by a hash of the normalised email, so that attempts on unknown addresses are
 * slowed down exactly like attempts on real ones and no address is stored.
 */
@Component
final class LoginThrottle {

  private static final Duration HOUR = Duration.ofHours(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final IdentityProperties.BruteForce rules;

  LoginThrottle(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.rules = properties.bruteForce();
  }

  /** When the next attempt may be made, if it may not be made now. */
  Optional<Instant> blockedUntil(String email, String clientIp) {
    if (!rules.enabled()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Instant> account = accountBlockedUntil(accountKey(email), now);
    Optional<Instant> ip = ipBlockedUntil(clientIp, now);
    return later(account, ip).filter(until -> until.isAfter(now));
  }

  void recordFailure(String email, String clientIp) {
    if (!rules.enabled()) {
      return;
    }
    jdbc.sql("INSERT INTO login_failure (account_key, client_ip, failed_at) VALUES (?, ?, ?)")
        .params(accountKey(email), clientIp, at(clock.instant()))
        .update();
  }

  /** A successful sign-in forgives the account's failures; the IP's failures still count. */
  void recordSuccess(String email) {
    jdbc.sql("DELETE FROM login_failure WHERE account_key = ?").param(accountKey(email)).update();
  }

  /** Forgets failures older than any rule looks back; called periodically. */
  int purge() {
    Duration horizon = rules.ipWindow().compareTo(HOUR) > 0 ? rules.ipWindow() : HOUR;
    return jdbc.sql("DELETE FROM login_failure WHERE failed_at < ?")
        .param(at(clock.instant().minus(horizon)))
        .update();
  }

  private Optional<Instant> accountBlockedUntil(String accountKey, Instant now) {
    List<Instant> failures =
        jdbc.sql(
                """
                SELECT failed_at FROM login_failure
                WHERE account_key = ? AND failed_at > ? ORDER BY failed_at""")
            .params(accountKey, at(now.minus(HOUR)))
            .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
            .list();
    if (failures.size() >= rules.accountFailuresPerHour()) {
      int excess = failures.size() - rules.accountFailuresPerHour();
      return Optional.of(failures.get(excess).plus(HOUR));
    }
    if (failures.size() < rules.freeFailures()) {
      return Optional.empty();
    }
    Instant last = failures.get(failures.size() - 1);
    return Optional.of(last.plus(delayAfter(failures.size())));
  }

  /** The wait after n failures: baseDelay, doubled for each failure past the free ones. */
  Duration delayAfter(int failures) {
    int doublings = Math.min(failures - rules.freeFailures(), 30);
    Duration delay = rules.baseDelay().multipliedBy(1L << doublings);
    return delay.compareTo(rules.maxDelay()) > 0 ? rules.maxDelay() : delay;
  }

  private Optional<Instant> ipBlockedUntil(String clientIp, Instant now) {
    List<Instant> failures =
        jdbc.sql(
                """
                SELECT failed_at FROM login_failure
                WHERE client_ip = ? AND failed_at > ? ORDER BY failed_at""")
            .params(clientIp, at(now.minus(rules.ipWindow())))
            .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
            .list();
    if (failures.size() < rules.ipFailures()) {
      return Optional.empty();
    }
    int excess = failures.size() - rules.ipFailures();
    return Optional.of(failures.get(excess).plus(rules.ipWindow()));
  }

  private static Optional<Instant> later(Optional<Instant> first, Optional<Instant> second) {
    if (first.isEmpty()) {
      return second;
    }
    if (second.isEmpty()) {
      return first;
    }
    return Optional.of(first.get().isAfter(second.get()) ? first.get() : second.get());
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static String accountKey(String email) {
    String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    return Digests.sha256Hex(normalised);
  }
}
