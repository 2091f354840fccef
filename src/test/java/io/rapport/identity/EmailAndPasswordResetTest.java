package io.rapport.identity;

import static io.rapport.identity.FlowFixtures.PASSWORD;
import static io.rapport.identity.FlowFixtures.SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.OidcClient.AuthorizationRequest;
import io.rapport.platform.testing.PageClient;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.platform.testing.TestMailServer;
import io.rapport.profile.ProfileService;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The links Rapport sends by mail, received by a real SMTP server and followed in a browser: the
 * address verification after sign-up, and the password reset.
 */
@RapportAppTest
class EmailAndPasswordResetTest {

  private static final String NEW_PASSWORD = "Difference-Engine-1822";

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;
  @Autowired UserAccounts userAccounts;

  private FlowFixtures fixtures;
  private LoopbackClientApp app;

  @BeforeEach
  void startApplication() {
    fixtures = new FlowFixtures(port, applications, accounts, profiles);
    app = LoopbackClientApp.start();
  }

  @AfterEach
  void stopApplication() {
    app.close();
  }

  @Test
  void verificationLinkFromTheSignUpMailVerifiesTheAddressOnce() throws Exception {
    OidcClient client = fixtures.publicClient(app, List.of());
    String email = FlowFixtures.uniqueEmail("verify");

    try (Browser browser = Browser.start()) {
      browser.open(fixtures.issuer() + "/signup");
      browser.fill("email", email);
      browser.fill("password", PASSWORD);
      browser.click("create-account");
      browser.awaitElement("signed-in-as");
      assertThat(emailVerifiedInANewIdToken(browser, client, 1)).isFalse();

      MimeMessage mail = TestMailServer.awaitMessageTo(email, 1);
      assertThat(mail.getSubject()).isEqualTo("Verify your email address");
      String link = TestMailServer.linkIn(mail);
      assertThat(link).startsWith(fixtures.issuer() + "/verify-email?token=");

      browser.open(link);
      assertThat(browser.text("verified")).isEqualTo("Your email address is verified. Thank you.");
      assertThat(userAccounts.findByEmail(email).orElseThrow().emailVerified()).isTrue();
      assertThat(emailVerifiedInANewIdToken(browser, client, 2)).isTrue();

      browser.open(link);
      assertThat(browser.has("verified")).isFalse();
      assertThat(browser.text("verify-invalid")).startsWith("This link is not valid");
    }
  }

  @Test
  void passwordResetLinkSetsANewPasswordOnceAndTheOldOneStopsWorking() throws Exception {
    String email = FlowFixtures.uniqueEmail("reset");
    fixtures.user(email);

    try (Browser browser = Browser.start()) {
      browser.open(fixtures.issuer() + "/login");
      browser.clickSelector("a[href$='/forgot-password']");
      browser.awaitElement("send-link");
      browser.fill("email", email);
      browser.click("send-link");
      browser.awaitElement("reset-sent");

      MimeMessage mail = TestMailServer.awaitMessageTo(email, 2);
      assertThat(mail.getSubject()).isEqualTo("Reset your password");
      String link = TestMailServer.linkIn(mail);

      browser.open(link);
      browser.fill("password", NEW_PASSWORD);
      browser.click("change-password");
      browser.waitForUrl(url -> url.endsWith("/login?passwordChanged"));
      assertThat(browser.pageText()).contains("Your password has been changed.");

      FlowFixtures.signIn(browser, email, NEW_PASSWORD);
      browser.awaitElement("signed-in-as");
      assertThat(browser.text("signed-in-as")).contains(email);

      browser.open(link);
      assertThat(browser.text("reset-invalid")).startsWith("This link is not valid");
      assertThat(browser.has("change-password")).isFalse();
    }
    assertThat(signInOverHttp(email, PASSWORD).has("login-error")).isTrue();
    assertThat(signInOverHttp(email, NEW_PASSWORD).has("signed-in-as")).isTrue();
    assertThat(userAccounts.findByEmail(email).orElseThrow().emailVerified())
        .as("following the reset link proves the address")
        .isTrue();
  }

  @Test
  void resetForAnUnknownAddressAnswersLikeForAKnownOneAndSendsNoMail() throws Exception {
    String known = FlowFixtures.uniqueEmail("reset-known");
    String unknown = FlowFixtures.uniqueEmail("reset-unknown");
    fixtures.user(known);

    PageClient.Page forUnknown = requestReset(unknown);
    PageClient.Page forKnown = requestReset(known);

    assertThat(forUnknown.status()).isEqualTo(200).isEqualTo(forKnown.status());
    assertThat(forUnknown.text("reset-sent")).startsWith("If this address has an account");
    assertThat(forUnknown.body()).isEqualTo(forKnown.body());
    assertThat(TestMailServer.awaitMessageTo(known, 2).getSubject())
        .isEqualTo("Reset your password");
    assertThat(TestMailServer.messagesTo(unknown)).isEmpty();
  }

  /**
   * Runs an authorization request in the signed-in browser, redeems the code and returns the ID
   * token's {@code email_verified}.
   */
  private boolean emailVerifiedInANewIdToken(Browser browser, OidcClient client, int callback) {
    AuthorizationRequest request = client.authorizationRequest(SCOPES);
    browser.open(request.url());
    browser.waitForUrlStartingWith(app.redirectUri());
    Map<String, String> answer = app.awaitCallback(callback);
    assertThat(answer).containsEntry("state", request.state());
    String idToken =
        client.exchange(answer.get("code"), request.codeVerifier()).requireSuccess().idToken();
    return (Boolean) client.verifyIdToken(idToken, request.nonce()).getClaim("email_verified");
  }

  private PageClient.Page requestReset(String email) {
    PageClient pages = new PageClient();
    PageClient.Page form = pages.get(fixtures.issuer() + "/forgot-password");
    return pages.follow(
        pages.submit(form, fixtures.issuer() + "/forgot-password", Map.of("email", email)));
  }

  private PageClient.Page signInOverHttp(String email, String password) {
    PageClient pages = new PageClient();
    PageClient.Page login = pages.get(fixtures.issuer() + "/login");
    return pages.follow(
        pages.submit(
            login, fixtures.issuer() + "/login", Map.of("email", email, "password", password)));
  }
}
