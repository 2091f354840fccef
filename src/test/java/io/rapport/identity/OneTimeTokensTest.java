package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.OneTimeTokens.Purpose;
import io.rapport.platform.testing.MutableClock;
import io.rapport.platform.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class OneTimeTokensTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final Duration LIFETIME = Duration.ofMinutes(30);

  private final MutableClock clock = new MutableClock(START);

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void tokenWorksOnceForItsUser(TestDatabase database) {
    OneTimeTokens tokens = new OneTimeTokens(jdbc(database), clock);
    String user = newUser(database, "jane@example.com");
    String token = tokens.issue(user, Purpose.RESET_PASSWORD, LIFETIME);

    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(tokens.peek(token, Purpose.RESET_PASSWORD)).contains(user);
    assertThat(tokens.consume(token, Purpose.RESET_PASSWORD)).contains(user);
    assertThat(tokens.consume(token, Purpose.RESET_PASSWORD)).isEmpty();
    assertThat(tokens.peek(token, Purpose.RESET_PASSWORD)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void expiredTokenIsRefused(TestDatabase database) {
    OneTimeTokens tokens = new OneTimeTokens(jdbc(database), clock);
    String user = newUser(database, "jane@example.com");
    String token = tokens.issue(user, Purpose.VERIFY_EMAIL, LIFETIME);

    clock.advance(LIFETIME.minusMillis(1));
    assertThat(tokens.peek(token, Purpose.VERIFY_EMAIL)).contains(user);
    clock.advance(Duration.ofMillis(1));

    assertThat(tokens.peek(token, Purpose.VERIFY_EMAIL)).isEmpty();
    assertThat(tokens.consume(token, Purpose.VERIFY_EMAIL)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void tokenForAnotherPurposeIsRefusedAndStaysUsable(TestDatabase database) {
    OneTimeTokens tokens = new OneTimeTokens(jdbc(database), clock);
    String user = newUser(database, "jane@example.com");
    String token = tokens.issue(user, Purpose.VERIFY_EMAIL, LIFETIME);

    assertThat(tokens.consume(token, Purpose.RESET_PASSWORD)).isEmpty();
    assertThat(tokens.peek(token, Purpose.RESET_PASSWORD)).isEmpty();

    assertThat(tokens.consume(token, Purpose.VERIFY_EMAIL)).contains(user);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void unknownOrBlankTokensAreRefused(TestDatabase database) {
    OneTimeTokens tokens = new OneTimeTokens(jdbc(database), clock);
    String user = newUser(database, "jane@example.com");
    tokens.issue(user, Purpose.VERIFY_EMAIL, LIFETIME);

    assertThat(tokens.consume("made-up", Purpose.VERIFY_EMAIL)).isEmpty();
    assertThat(tokens.consume("", Purpose.VERIFY_EMAIL)).isEmpty();
    assertThat(tokens.consume(null, Purpose.VERIFY_EMAIL)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void revokeAllEndsTheOpenTokensOfOneUserAndPurpose(TestDatabase database) {
    OneTimeTokens tokens = new OneTimeTokens(jdbc(database), clock);
    String jane = newUser(database, "jane@example.com");
    String john = newUser(database, "john@example.com");
    String first = tokens.issue(jane, Purpose.RESET_PASSWORD, LIFETIME);
    String second = tokens.issue(jane, Purpose.RESET_PASSWORD, LIFETIME);
    String verification = tokens.issue(jane, Purpose.VERIFY_EMAIL, LIFETIME);
    String johns = tokens.issue(john, Purpose.RESET_PASSWORD, LIFETIME);

    tokens.revokeAll(jane, Purpose.RESET_PASSWORD);

    assertThat(tokens.consume(first, Purpose.RESET_PASSWORD)).isEmpty();
    assertThat(tokens.consume(second, Purpose.RESET_PASSWORD)).isEmpty();
    assertThat(tokens.consume(verification, Purpose.VERIFY_EMAIL)).contains(jane);
    assertThat(tokens.consume(johns, Purpose.RESET_PASSWORD)).contains(john);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void onlyTheSha256OfATokenIsStored(TestDatabase database) throws Exception {
    OneTimeTokens tokens = new OneTimeTokens(jdbc(database), clock);
    String user = newUser(database, "jane@example.com");
    String token = tokens.issue(user, Purpose.RESET_PASSWORD, LIFETIME);

    List<Map<String, Object>> rows =
        jdbc(database).sql("SELECT * FROM one_time_token").query().listOfRows();

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).values())
        .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(token));
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    String expected =
        HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    assertThat(column(rows.get(0), "token_hash")).isEqualTo(expected);
  }

  private static Object column(Map<String, Object> row, String name) {
    return row.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  private String newUser(TestDatabase database, String email) {
    return new UserAccounts(jdbc(database), clock).create(email, null, false, false).id();
  }

  private static JdbcClient jdbc(TestDatabase database) {
    return JdbcClient.create(database.dataSource());
  }
}
