package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.MutableClock;
import io.rapport.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class LoginThrottleTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final String JANE = "jane@example.com";
  private static final String IP = "192.0.2.10";

  private final MutableClock clock = new MutableClock(START);

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void failuresBelowTheFreeOnesBlockNothing(TestDatabase database) {
    LoginThrottle throttle = throttle(database, IdentitySettings.BRUTE_FORCE);

    fail(throttle, JANE, 4);

    assertThat(throttle.blockedUntil(JANE, IP)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void delayDoublesWithEachFailureUpToTheMaximum(TestDatabase database) {
    LoginThrottle throttle = throttle(database, IdentitySettings.BRUTE_FORCE);
    fail(throttle, JANE, 4);

    List<Long> waits = List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L);
    for (long wait : waits) {
      throttle.recordFailure(JANE, IP);

      assertThat(throttle.blockedUntil(JANE, IP)).contains(clock.instant().plusSeconds(wait));
      clock.advance(Duration.ofSeconds(wait).minusMillis(1));
      assertThat(throttle.blockedUntil(JANE, IP)).isPresent();
      clock.advance(Duration.ofMillis(1));
      assertThat(throttle.blockedUntil(JANE, IP)).isEmpty();
    }
  }

  @Test
  void delayAfterFollowsTheRules() {
    LoginThrottle throttle = new LoginThrottle(null, clock, IdentitySettings.defaults());

    assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.delayAfter(14)).isEqualTo(Duration.ofSeconds(512));
    assertThat(throttle.delayAfter(15)).isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.delayAfter(99)).isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(15));
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void successForgivesTheAccount(TestDatabase database) {
    LoginThrottle throttle = throttle(database, IdentitySettings.BRUTE_FORCE);
    fail(throttle, JANE, 5);
    assertThat(throttle.blockedUntil(JANE, IP)).isPresent();

    throttle.recordSuccess(" Jane@Example.com");

    assertThat(throttle.blockedUntil(JANE, IP)).isEmpty();
    throttle.recordFailure(JANE, IP);
    assertThat(throttle.blockedUntil(JANE, IP)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void hourlyCapBlocksUntilTheOldestFailureLeavesTheWindow(TestDatabase database) {
    IdentityProperties.BruteForce shortDelays =
        new IdentityProperties.BruteForce(
            true,
            5,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            100,
            1000,
            Duration.ofMinutes(10));
    LoginThrottle throttle = throttle(database, shortDelays);

    for (int i = 0; i < 99; i++) {
      throttle.recordFailure(JANE, IP);
      clock.advance(Duration.ofSeconds(30));
      assertThat(throttle.blockedUntil(JANE, IP)).isEmpty();
    }
    throttle.recordFailure(JANE, IP);

    Instant oldestLeaves = START.plus(Duration.ofHours(1));
    assertThat(throttle.blockedUntil(JANE, IP)).contains(oldestLeaves);
    clock.set(oldestLeaves.minusMillis(1));
    assertThat(throttle.blockedUntil(JANE, IP)).contains(oldestLeaves);
    clock.set(oldestLeaves);
    assertThat(throttle.blockedUntil(JANE, IP)).isEmpty();
    throttle.recordFailure(JANE, IP);
    assertThat(throttle.blockedUntil(JANE, IP)).contains(START.plusSeconds(30 + 3600));
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void addressRuleStopsSprayingAcrossAccountsUntilTheWindowMoves(TestDatabase database) {
    LoginThrottle throttle = throttle(database, IdentitySettings.BRUTE_FORCE);

    for (int i = 0; i < 49; i++) {
      throttle.recordFailure("user" + i + "@example.com", IP);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(throttle.blockedUntil("fresh@example.com", IP)).isEmpty();
    throttle.recordFailure("user49@example.com", IP);

    Instant firstLeaves = START.plus(Duration.ofMinutes(10));
    assertThat(throttle.blockedUntil("fresh@example.com", IP)).contains(firstLeaves);
    assertThat(throttle.blockedUntil("fresh@example.com", "198.51.100.7")).isEmpty();
    clock.set(firstLeaves.minusMillis(1));
    assertThat(throttle.blockedUntil("fresh@example.com", IP)).contains(firstLeaves);
    clock.set(firstLeaves);
    assertThat(throttle.blockedUntil("fresh@example.com", IP)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void unknownAddressesAreKeyedAndSlowedDownAlike(TestDatabase database) {
    LoginThrottle throttle = throttle(database, IdentitySettings.BRUTE_FORCE);

    fail(throttle, "Nobody@Example.com ", 3);
    fail(throttle, "nobody@example.com", 2);

    assertThat(throttle.blockedUntil("  NOBODY@example.COM", IP))
        .contains(clock.instant().plusSeconds(1));
    assertThat(throttle.blockedUntil("somebody@example.com", "198.51.100.7")).isEmpty();
    List<String> keys =
        jdbc(database)
            .sql("SELECT DISTINCT account_key FROM login_failure")
            .query(String.class)
            .list();
    assertThat(keys).containsExactly(LoginThrottle.accountKey("nobody@example.com"));
    assertThat(keys.get(0)).matches("[0-9a-f]{64}").doesNotContain("nobody");
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void purgeForgetsOnlyFailuresOlderThanEveryRuleLooksBack(TestDatabase database) {
    LoginThrottle throttle = throttle(database, IdentitySettings.BRUTE_FORCE);
    fail(throttle, JANE, 3);
    clock.advance(Duration.ofMinutes(30));
    fail(throttle, "john@example.com", 2);
    clock.advance(Duration.ofMinutes(31));

    assertThat(throttle.purge()).isEqualTo(3);

    assertThat(rows(database)).isEqualTo(2);
    clock.advance(Duration.ofMinutes(30));
    assertThat(throttle.purge()).isEqualTo(2);
    assertThat(rows(database)).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void purgeKeepsFailuresAnAddressWindowLongerThanAnHourStillCounts(TestDatabase database) {
    IdentityProperties.BruteForce longWindow =
        new IdentityProperties.BruteForce(
            true, 5, Duration.ofSeconds(1), Duration.ofMinutes(15), 100, 50, Duration.ofHours(3));
    LoginThrottle throttle = throttle(database, longWindow);
    fail(throttle, JANE, 3);
    clock.advance(Duration.ofHours(2));

    assertThat(throttle.purge()).isZero();
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(throttle.purge()).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void disabledRulesNeverBlock(TestDatabase database) {
    IdentityProperties.BruteForce off =
        new IdentityProperties.BruteForce(
            false,
            5,
            Duration.ofSeconds(1),
            Duration.ofMinutes(15),
            100,
            50,
            Duration.ofMinutes(10));
    LoginThrottle throttle = throttle(database, off);

    fail(throttle, JANE, 120);

    assertThat(throttle.blockedUntil(JANE, IP)).isEmpty();
    assertThat(rows(database)).isZero();
  }

  private LoginThrottle throttle(TestDatabase database, IdentityProperties.BruteForce rules) {
    return new LoginThrottle(jdbc(database), clock, IdentitySettings.withBruteForce(rules));
  }

  private static void fail(LoginThrottle throttle, String email, int times) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure(email, IP);
    }
  }

  private static JdbcClient jdbc(TestDatabase database) {
    return JdbcClient.create(database.dataSource());
  }

  private static long rows(TestDatabase database) {
    return jdbc(database).sql("SELECT COUNT(*) FROM login_failure").query(Long.class).single();
  }
}
