package io.rapport.identity;

import static io.rapport.identity.FlowFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.PageClient;
import io.rapport.platform.testing.PageClient.SetCookie;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.ProfileService;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What protects the pages in the browser: response headers against framing, sniffing and injected
 * content, the session cookie's attributes, CSRF tokens on forms, and a new session id at sign-in.
 */
@RapportAppTest
class SecurityHeadersTest {

  private static final String SESSION_COOKIE = "RAPPORT_SESSION";
  private static final String HOST = "localhost";

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;
  @Autowired UserAccounts userAccounts;

  private FlowFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new FlowFixtures(port, applications, accounts, profiles);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/login", "/signup", "/forgot-password", "/", "/oauth2/authorize?client_id=none"})
  void pagesForbidFramingSniffingAndForeignContent(String path) {
    PageClient.Page page = new PageClient().get(fixtures.issuer() + path);

    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy ->
                assertThat(policy)
                    .contains("default-src 'self'")
                    .contains("object-src 'none'")
                    .contains("frame-ancestors 'none'"));
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void sessionCookieIsHttpOnlySecureAndSameSiteLax() {
    PageClient.Page login = new PageClient().get(fixtures.issuer() + "/login");

    SetCookie session =
        login.setCookies().stream()
            .filter(cookie -> cookie.name().equals(SESSION_COOKIE))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
    assertThat(session.has("HttpOnly")).isTrue();
    assertThat(session.has("Secure")).isTrue();
    assertThat(session.attribute("SameSite"))
        .hasValueSatisfying(value -> assertThat(value).isEqualToIgnoringCase("Lax"));
  }

  @Test
  void signUpWithoutCsrfTokenIsRefusedAndCreatesNothing() {
    PageClient pages = new PageClient();
    pages.get(fixtures.issuer() + "/signup");
    String email = FlowFixtures.uniqueEmail("csrf");

    PageClient.Page answer =
        pages.post(fixtures.issuer() + "/signup", Map.of("email", email, "password", PASSWORD));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(userAccounts.findByEmail(email)).isEmpty();
  }

  @Test
  void signInGivesANewSessionIdAndTheOldOneStaysSignedOut() {
    String email = FlowFixtures.uniqueEmail("fixation");
    fixtures.user(email);
    PageClient pages = new PageClient();
    PageClient.Page login = pages.get(fixtures.issuer() + "/login");
    String before = pages.cookie(HOST, SESSION_COOKIE).orElseThrow();

    PageClient.Page signedIn =
        pages.submit(
            login, fixtures.issuer() + "/login", Map.of("email", email, "password", PASSWORD));

    assertThat(signedIn.isRedirect()).isTrue();
    String after = pages.cookie(HOST, SESSION_COOKIE).orElseThrow();
    assertThat(after).isNotEqualTo(before);
    assertThat(homeWith(after).has("signed-in-as")).isTrue();
    assertThat(homeWith(before).has("signed-in-as")).isFalse();
  }

  @Test
  void signUpGivesANewSessionIdAndTheOldOneStaysSignedOut() {
    PageClient pages = new PageClient();
    PageClient.Page form = pages.get(fixtures.issuer() + "/signup");
    String before = pages.cookie(HOST, SESSION_COOKIE).orElseThrow();

    PageClient.Page signedUp =
        pages.submit(
            form,
            fixtures.issuer() + "/signup",
            Map.of("email", FlowFixtures.uniqueEmail("fixation-signup"), "password", PASSWORD));

    assertThat(signedUp.isRedirect()).isTrue();
    String after = pages.cookie(HOST, SESSION_COOKIE).orElseThrow();
    assertThat(after).isNotEqualTo(before);
    assertThat(homeWith(after).has("signed-in-as")).isTrue();
    assertThat(homeWith(before).has("signed-in-as")).isFalse();
  }

  private PageClient.Page homeWith(String sessionCookie) {
    PageClient pages = new PageClient();
    pages.setCookie(HOST, SESSION_COOKIE, sessionCookie);
    return pages.get(fixtures.issuer() + "/");
  }
}
