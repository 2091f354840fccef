package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.PageClient;
import io.rapport.platform.testing.TestMailServer;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Applications, users and sign-ins for the end-to-end tests of the identity flows. Every name it
 * makes is unique, because all application tests share one database.
 */
final class FlowFixtures {

  /** The password of every user made here: long enough and on no common-password list. */
  static final String PASSWORD = "Analytical-Engine-1843";

  static final String SCOPES = "openid profile email";
  static final String TEST_IP = "127.0.0.1";

  private final String issuer;
  private final ApplicationRegistry applications;
  private final AccountService accounts;
  private final ProfileService profiles;

  FlowFixtures(
      int port,
      ApplicationRegistry applications,
      AccountService accounts,
      ProfileService profiles) {
    this.issuer = "http://localhost:" + port;
    this.applications = applications;
    this.accounts = accounts;
    this.profiles = profiles;
  }

  /** Rapport's base URL, which is also the issuer of its tokens. */
  String issuer() {
    return issuer;
  }

  static String uniqueEmail(String purpose) {
    return purpose + "-" + shortId() + "@example.com";
  }

  static String uniqueClientId(String purpose) {
    return purpose + "-" + shortId();
  }

  /** A public client (PKCE, no secret) redirecting to the loopback app. */
  OidcClient publicClient(LoopbackClientApp app, List<String> claims) {
    String clientId = uniqueClientId("public");
    register(
        new ApplicationDefinition(
            clientId,
            "Public " + clientId,
            List.of(app.redirectUri()),
            List.of(app.postLogoutRedirectUri()),
            null,
            List.of(),
            List.of(),
            claims));
    return OidcClient.publicClient(issuer, clientId, app.redirectUri());
  }

  /** A confidential client with the authorization code and refresh token grants. */
  OidcClient confidentialClient(LoopbackClientApp app, String secret, List<String> claims) {
    String clientId = uniqueClientId("confidential");
    register(
        new ApplicationDefinition(
            clientId,
            "Confidential " + clientId,
            List.of(app.redirectUri()),
            List.of(app.postLogoutRedirectUri()),
            secret,
            List.of(ApplicationValidator.AUTHORIZATION_CODE, ApplicationValidator.REFRESH_TOKEN),
            List.of(),
            claims));
    return OidcClient.confidentialClient(issuer, clientId, secret, app.redirectUri());
  }

  void register(ApplicationDefinition definition) {
    applications.register(definition, ApplicationRegistry.ORIGIN_CONSOLE, "test");
  }

  /** A new user with {@link #PASSWORD}, its address not verified yet. */
  UserAccount user(String email) {
    return accounts.signUp(email, PASSWORD, issuer, Locale.ENGLISH, TEST_IP);
  }

  /** A new user who has followed the verification link of the sign-up mail. */
  UserAccount verifiedUser(String email) {
    UserAccount account = user(email);
    PageClient.Page page = new PageClient().get(verificationLink(email, 1));
    assertThat(page.has("verified")).as("the verification link worked: %s", page.body()).isTrue();
    return account;
  }

  /** The link in the n-th verification mail sent to the address. */
  static String verificationLink(String email, int messageNumber) {
    return TestMailServer.linkIn(TestMailServer.awaitMessageTo(email, messageNumber));
  }

  void observe(String userId, String attributeKey, String value) {
    profiles.observe(new NewObservation(userId, attributeKey, value, Source.USER, 1.0));
  }

  /** Fills in Rapport's sign-in page, which the browser must be on, and submits it. */
  static void signIn(Browser browser, String email, String password) {
    assertThat(browser.currentUrl()).contains("/login");
    browser.fill("email", email);
    browser.fill("password", password);
    browser.click("sign-in");
  }

  /**
   * Signs in over plain HTTP from an authorization request: opens it, signs in on the page it leads
   * to and follows every redirect; returns the last page, the application's callback when all went
   * well.
   */
  PageClient.Page signInOverHttp(
      PageClient pages, OidcClient.AuthorizationRequest request, String email, String password) {
    PageClient.Page login = pages.navigate(request.url());
    assertThat(login.url().getPath()).as("the authorization request leads to").isEqualTo("/login");
    return pages.follow(
        pages.submit(login, issuer + "/login", Map.of("email", email, "password", password)));
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 13);
  }
}
