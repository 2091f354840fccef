package io.rapport.identity;

import static io.rapport.identity.FlowFixtures.PASSWORD;
import static io.rapport.identity.FlowFixtures.SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.OidcClient.AuthorizationRequest;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.platform.testing.TestMailServer;
import io.rapport.profile.ProfileService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-up in the browser: from an application's sign-in page to an account and back to the
 * application, and the messages for input that cannot make an account.
 */
@RapportAppTest
class SignupFlowTest {

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
  void newUserCreatesAnAccountFromTheLoginPageAndIsSentBackToTheApplication() throws Exception {
    OidcClient client = fixtures.publicClient(app, List.of());
    AuthorizationRequest request = client.authorizationRequest(SCOPES);
    String email = FlowFixtures.uniqueEmail("signup");

    try (Browser browser = Browser.start()) {
      browser.open(request.url());
      browser.waitForUrlStartingWith(fixtures.issuer() + "/login");
      browser.click("signup-link");
      browser.waitForUrlStartingWith(fixtures.issuer() + "/signup");
      browser.fill("email", email);
      browser.fill("password", PASSWORD);
      browser.click("create-account");
      browser.waitForUrlStartingWith(app.redirectUri());
    }

    Map<String, String> callback = app.awaitCallback(1);
    assertThat(callback).containsEntry("state", request.state()).containsKey("code");
    UserAccount created = userAccounts.findByEmail(email).orElseThrow();
    String idToken =
        client.exchange(callback.get("code"), request.codeVerifier()).requireSuccess().idToken();
    assertThat(client.verifyIdToken(idToken, request.nonce()).getSubject()).isEqualTo(created.id());
    assertThat(TestMailServer.awaitMessageTo(email, 1).getSubject())
        .isEqualTo("Verify your email address");
  }

  @Test
  void passwordOfTenCharactersIsRefusedWithTheMinimumLength() {
    String email = FlowFixtures.uniqueEmail("short-password");

    String error = signUpExpectingError(email, "Tr0ub4dor&");

    assertThat(error).isEqualTo("The password must have at least 12 characters.");
    assertNothingCreatedFor(email);
  }

  @Test
  void commonPasswordIsRefusedAsTooCommon() {
    String email = FlowFixtures.uniqueEmail("common-password");

    String error = signUpExpectingError(email, "password123456");

    assertThat(error).startsWith("This password is too common");
    assertNothingCreatedFor(email);
  }

  @Test
  void registeredEmailIsRefusedAndTheExistingAccountStaysAsItWas() {
    String email = FlowFixtures.uniqueEmail("taken");
    UserAccount existing = fixtures.user(email);

    String error = signUpExpectingError(email.toUpperCase(), "Another-Long-Passphrase-77");

    assertThat(error).startsWith("An account with this email address exists already");
    assertThat(userAccounts.findByEmail(email).map(UserAccount::id)).contains(existing.id());
    assertThat(userAccounts.count(email)).isEqualTo(1);
    assertThat(TestMailServer.messagesTo(email)).hasSize(1);
  }

  @Test
  void invalidEmailIsRefusedAndKeptInTheFormForCorrection() {
    String notAnAddress = FlowFixtures.uniqueEmail("invalid").replace("@", ".at.");

    try (Browser browser = Browser.start()) {
      String error = submitSignUp(browser, notAnAddress, PASSWORD);

      assertThat(error).isEqualTo("Enter a valid email address, such as name@example.com.");
      assertThat(browser.value("email")).isEqualTo(notAnAddress);
    }
    assertThat(userAccounts.count(notAnAddress)).isZero();
  }

  private String signUpExpectingError(String email, String password) {
    try (Browser browser = Browser.start()) {
      return submitSignUp(browser, email, password);
    }
  }

  /**
   * Submits the sign-up form and returns the error it shows. The browser's own checks are turned
   * off: what counts is what Rapport accepts, since any client can skip them.
   */
  private String submitSignUp(Browser browser, String email, String password) {
    browser.open(fixtures.issuer() + "/signup");
    browser.skipClientSideValidation();
    browser.fill("email", email);
    browser.fill("password", password);
    browser.click("create-account");
    browser.awaitElement("signup-error");
    assertThat(browser.currentUrl()).isEqualTo(fixtures.issuer() + "/signup");
    return browser.text("signup-error");
  }

  private void assertNothingCreatedFor(String email) {
    assertThat(userAccounts.findByEmail(email)).isEmpty();
    assertThat(TestMailServer.messagesTo(email)).isEmpty();
  }
}
