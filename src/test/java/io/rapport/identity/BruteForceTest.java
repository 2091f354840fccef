package io.rapport.identity;

import static io.rapport.identity.FlowFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.PageClient;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.ProfileService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The sign-in page under repeated wrong passwords. The first delay is raised from one second to ten
 * minutes so that "an attempt within the delay" does not depend on how fast this machine is; the
 * rule itself (five free failures, then a delay) is the default one. Its own context also keeps
 * these failures out of the shared per-IP count.
 */
@RapportAppTest
@TestPropertySource(properties = "rapport.identity.brute-force.base-delay=10m")
class BruteForceTest {

  private static final String WRONG_PASSWORD = "Not-The-Right-Passphrase";
  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;

  private FlowFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new FlowFixtures(port, applications, accounts, profiles);
  }

  @Test
  void sixthAttemptAfterFiveWrongPasswordsIsRefusedEvenWithTheRightPasswordAndSaysWhenToRetry() {
    String email = FlowFixtures.uniqueEmail("brute-force");
    fixtures.user(email);
    PageClient pages = new PageClient();
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertWrongPasswordRefused(signIn(pages, email, WRONG_PASSWORD), attempt);
    }
    Instant beforeFifth = Instant.now();
    assertWrongPasswordRefused(signIn(pages, email, WRONG_PASSWORD), 5);
    Instant afterFifth = Instant.now();

    PageClient.Page locked = signIn(pages, email, PASSWORD);

    assertThat(locked.url().getPath()).isEqualTo("/login");
    assertThat(locked.has("login-error")).isFalse();
    assertThat(locked.text("login-locked"))
        .startsWith("Too many failed attempts. Try again in 10 minute(s), after ")
        .endsWith(" UTC.")
        .containsAnyOf(retryTimes(beforeFifth, afterFifth));
    assertThat(pages.navigate(fixtures.issuer() + "/").has("signed-in-as")).isFalse();
  }

  @Test
  void unknownEmailAndWrongPasswordGetTheSameAnswer() {
    String email = FlowFixtures.uniqueEmail("known");
    fixtures.user(email);

    PageClient.Page unknownEmail =
        signIn(new PageClient(), FlowFixtures.uniqueEmail("unknown"), PASSWORD);
    PageClient.Page wrongPassword = signIn(new PageClient(), email, WRONG_PASSWORD);

    assertThat(unknownEmail.url()).isEqualTo(wrongPassword.url());
    assertThat(unknownEmail.text("login-error"))
        .isEqualTo("The email address or the password is not right.")
        .isEqualTo(wrongPassword.text("login-error"));
    assertThat(withoutCsrfToken(unknownEmail.body()))
        .isEqualTo(withoutCsrfToken(wrongPassword.body()));
  }

  /** Submits the sign-in page and returns the page the browser would end on. */
  private PageClient.Page signIn(PageClient pages, String email, String password) {
    PageClient.Page login = pages.get(fixtures.issuer() + "/login");
    return pages.follow(
        pages.submit(
            login, fixtures.issuer() + "/login", Map.of("email", email, "password", password)));
  }

  private static void assertWrongPasswordRefused(PageClient.Page page, int attempt) {
    assertThat(page.has("login-error")).as("attempt %d refused", attempt).isTrue();
    assertThat(page.has("login-locked")).as("attempt %d not locked out", attempt).isFalse();
  }

  /**
   * When the page may say to retry: ten minutes after the fifth failure, which happened between the
   * two instants (the minute may turn in between).
   */
  private static String[] retryTimes(Instant notBefore, Instant notAfter) {
    Duration delay = Duration.ofMinutes(10);
    return new String[] {
      HOURS_MINUTES.format(notBefore.plus(delay).atOffset(ZoneOffset.UTC)),
      HOURS_MINUTES.format(notAfter.plus(delay).atOffset(ZoneOffset.UTC))
    };
  }

  private static String withoutCsrfToken(String html) {
    return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
  }
}
