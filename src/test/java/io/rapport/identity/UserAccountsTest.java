package io.rapport.identity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.testing.MutableClock;
import io.rapport.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class UserAccountsTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

  private final MutableClock clock = new MutableClock(START);

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void createdAccountIsFoundByIdAndByNormalisedEmail(TestDatabase database) {
    UserAccounts accounts = accounts(database);

    UserAccount created = accounts.create("jane@example.com", "{noop}hash", false, false);

    assertThat(created.createdAt()).isEqualTo(START);
    assertThat(created.loginsCount()).isZero();
    assertThat(accounts.findById(created.id())).contains(created);
    assertThat(accounts.findByEmail("  Jane@Example.COM ")).contains(created);
    assertThat(accounts.findByEmail("john@example.com")).isEmpty();
    assertThat(accounts.findByEmail("not an address")).isEmpty();
    assertThat(accounts.findById(UUID.randomUUID().toString())).isEmpty();
    assertThat(accounts.passwordHashOf(created.id())).contains("{noop}hash");
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void timesAreReadBackAsTheyWereReturned(TestDatabase database) {
    clock.set(Instant.parse("2026-03-01T08:00:00.123456789Z"));
    UserAccounts accounts = accounts(database);

    UserAccount created = accounts.create("jane@example.com", "{noop}hash", false, false);
    accounts.recordLogin(created.id());

    UserAccount read = accounts.findById(created.id()).orElseThrow();
    assertThat(read.createdAt()).isEqualTo(created.createdAt());
    assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123456Z"));
    assertThat(read.lastLoginAt()).isEqualTo(created.createdAt());
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void duplicateEmailIsRefusedAndNothingIsWritten(TestDatabase database) {
    UserAccounts accounts = accounts(database);
    UserAccount first = accounts.create("jane@example.com", "{noop}first", false, false);

    assertThatThrownBy(() -> accounts.create("jane@example.com", "{noop}second", true, true))
        .isInstanceOf(EmailTakenException.class);

    assertThat(accounts.count("")).isEqualTo(1);
    assertThat(accounts.findByEmail("jane@example.com")).contains(first);
    assertThat(accounts.passwordHashOf(first.id())).contains("{noop}first");
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void searchTreatsLikeWildcardsAsPlainText(TestDatabase database) {
    UserAccounts accounts = accounts(database);
    create(accounts, "100%real@example.com");
    create(accounts, "1000real@example.com");
    create(accounts, "under_score@example.com");
    create(accounts, "underxscore@example.com");
    create(accounts, "back\\slash@example.com");

    assertThat(emails(accounts.search("%", 0, 10))).containsExactly("100%real@example.com");
    assertThat(emails(accounts.search("0%r", 0, 10))).containsExactly("100%real@example.com");
    assertThat(emails(accounts.search("_", 0, 10))).containsExactly("under_score@example.com");
    assertThat(emails(accounts.search("\\", 0, 10))).containsExactly("back\\slash@example.com");
    assertThat(accounts.count("%")).isEqualTo(1);
    assertThat(accounts.count("_")).isEqualTo(1);
    assertThat(accounts.count("  UNDER ")).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void searchListsNewestFirstAPageAtATime(TestDatabase database) {
    UserAccounts accounts = accounts(database);
    create(accounts, "ada@example.com");
    clock.advance(Duration.ofMinutes(1));
    create(accounts, "grace@example.com");
    clock.advance(Duration.ofMinutes(1));
    create(accounts, "alan@example.org");

    assertThat(emails(accounts.search("", 0, 10)))
        .containsExactly("alan@example.org", "grace@example.com", "ada@example.com");
    assertThat(emails(accounts.search(null, 1, 1))).containsExactly("grace@example.com");
    assertThat(emails(accounts.search("example.com", 0, 10)))
        .containsExactly("grace@example.com", "ada@example.com");
    assertThat(accounts.count("")).isEqualTo(3);
    assertThat(accounts.count("example.com")).isEqualTo(2);
    assertThat(accounts.count("nobody")).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void pagesOfThreeCoverSevenUsersWithoutGapsOrDuplicates(TestDatabase database) {
    UserAccounts accounts = accounts(database);
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      newestFirst.add(0, create(accounts, "user" + i + "@example.com").id());
      if (i % 3 != 0) {
        clock.advance(Duration.ofSeconds(1)); // some users share a creation time
      }
    }

    UserAccounts.Page first = accounts.page(null, 3);
    UserAccounts.Page second = accounts.page(first.next(), 3);
    UserAccounts.Page third = accounts.page(second.next(), 3);

    assertThat(first.users()).hasSize(3);
    assertThat(second.users()).hasSize(3);
    assertThat(third.users()).hasSize(1);
    assertThat(third.next()).isNull();
    List<String> walked = new ArrayList<>();
    List.of(first, second, third).forEach(page -> walked.addAll(ids(page.users())));
    assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(newestFirst);
    assertThat(ids(accounts.page(null, 10).users())).isEqualTo(walked);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void aPageThatHoldsEveryoneHasNoNextCursor(TestDatabase database) {
    UserAccounts accounts = accounts(database);
    create(accounts, "ada@example.com");
    create(accounts, "grace@example.com");

    assertThat(accounts.page(null, 2).users()).hasSize(2);
    assertThat(accounts.page(null, 2).next()).isNull();
    assertThat(accounts.page(null, 1).next()).isNotNull();
    assertThat(accounts.page(null, 5).users()).hasSize(2);
  }

  @Test
  void cursorSurvivesEncodingAndDecoding() {
    UserAccounts.Cursor cursor =
        new UserAccounts.Cursor(
            Instant.parse("2026-03-01T08:00:00.123456Z"), UUID.randomUUID().toString());

    String encoded = cursor.encode();

    assertThat(encoded).matches("[A-Za-z0-9_-]+");
    assertThat(UserAccounts.Cursor.decode(encoded)).contains(cursor);
  }

  @Test
  void garbageDoesNotDecodeToACursor() {
    String id = UUID.randomUUID().toString();

    assertThat(UserAccounts.Cursor.decode("")).isEmpty();
    assertThat(UserAccounts.Cursor.decode("not a cursor!")).isEmpty();
    assertThat(UserAccounts.Cursor.decode(base64("1772352000"))).isEmpty();
    assertThat(UserAccounts.Cursor.decode(base64("1772352000.0"))).isEmpty();
    assertThat(UserAccounts.Cursor.decode(base64("1772352000.0.not-a-uuid"))).isEmpty();
    assertThat(UserAccounts.Cursor.decode(base64("soon.0." + id))).isEmpty();
    assertThat(UserAccounts.Cursor.decode(base64("99999999999999999.0." + id))).isEmpty();
    assertThat(UserAccounts.Cursor.decode(base64("10000000000000.0." + id))).isEmpty();
    assertThat(UserAccounts.Cursor.decode(base64("-99999999999.0." + id))).isEmpty();
    assertThat(UserAccounts.Cursor.decode(base64("1772352000.1000000000." + id))).isEmpty();
    assertThat(UserAccounts.Cursor.decode(base64("1772352000.-1." + id))).isEmpty();
    assertThat(UserAccounts.Cursor.decode(base64("1772352000.99999999999999999999." + id)))
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void recordLoginCountsSignInsAndKeepsTheLastTime(TestDatabase database) {
    UserAccounts accounts = accounts(database);
    UserAccount jane = create(accounts, "jane@example.com");
    assertThat(jane.lastLoginAt()).isNull();

    clock.advance(Duration.ofHours(1));
    accounts.recordLogin(jane.id());
    clock.advance(Duration.ofHours(1));
    accounts.recordLogin(jane.id());

    UserAccount after = accounts.findById(jane.id()).orElseThrow();
    assertThat(after.loginsCount()).isEqualTo(2);
    assertThat(after.lastLoginAt()).isEqualTo(START.plus(Duration.ofHours(2)));
    assertThat(after.createdAt()).isEqualTo(START);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void verificationPasswordAndAdministratorsAreStored(TestDatabase database) {
    UserAccounts accounts = accounts(database);
    UserAccount jane = create(accounts, "jane@example.com");
    assertThat(accounts.anyAdministrator()).isFalse();

    accounts.markEmailVerified(jane.id());
    accounts.updatePasswordHash(jane.id(), "{noop}changed");
    accounts.create("admin@example.com", "{noop}admin", true, true);

    assertThat(accounts.findById(jane.id()).orElseThrow().emailVerified()).isTrue();
    assertThat(accounts.passwordHashOf(jane.id())).contains("{noop}changed");
    assertThat(accounts.anyAdministrator()).isTrue();
  }

  private UserAccounts accounts(TestDatabase database) {
    return new UserAccounts(JdbcClient.create(database.dataSource()), clock);
  }

  private static UserAccount create(UserAccounts accounts, String email) {
    return accounts.create(email, "{noop}secret", false, false);
  }

  private static List<String> emails(List<UserAccount> users) {
    return users.stream().map(UserAccount::email).toList();
  }

  private static List<String> ids(List<UserAccount> users) {
    return users.stream().map(UserAccount::id).toList();
  }

  private static String base64(String plain) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(UTF_8));
  }
}
