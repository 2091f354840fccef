package io.rapport.identity;

import static io.rapport.identity.FlowFixtures.PASSWORD;
import static io.rapport.identity.FlowFixtures.SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.OidcClient.AuthorizationRequest;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.ProfileService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing out, from an application (RP-initiated logout) and from Rapport's own page. */
@RapportAppTest
class LogoutTest {

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;

  private FlowFixtures fixtures;
  private LoopbackClientApp app;
  private OidcClient client;
  private String email;

  @BeforeEach
  void registerApplicationAndUser() {
    fixtures = new FlowFixtures(port, applications, accounts, profiles);
    app = LoopbackClientApp.start();
    client = fixtures.publicClient(app, List.of());
    email = FlowFixtures.uniqueEmail("logout");
    fixtures.user(email);
  }

  @AfterEach
  void stopApplication() {
    app.close();
  }

  @Test
  void applicationSignsTheUserOutAndGetsThemBackAtItsPostLogoutRedirectUri() {
    try (Browser browser = Browser.start()) {
      String idToken = signInAndRedeem(browser);
      String logout =
          fixtures.issuer()
              + "/connect/logout?id_token_hint="
              + idToken
              + "&client_id="
              + client.clientId()
              + "&post_logout_redirect_uri="
              + encode(app.postLogoutRedirectUri())
              + "&state=bye-123";

      browser.open(logout);
      browser.waitForUrlStartingWith(app.postLogoutRedirectUri());
      assertThat(app.awaitSignOut(1)).containsEntry("state", "bye-123");

      assertSignedOut(browser);
    }
  }

  @Test
  void signOutButtonOnRapportsPageEndsTheSession() {
    try (Browser browser = Browser.start()) {
      signInAndRedeem(browser);
      browser.open(fixtures.issuer() + "/");
      assertThat(browser.text("signed-in-as")).contains(email);

      browser.clickSelector("header form[action$='/logout'] button[type=submit]");
      browser.waitForUrl(url -> url.endsWith("/login?signedOut"));
      assertThat(browser.pageText()).contains("You are signed out.");

      assertSignedOut(browser);
    }
  }

  /** Signs in through the application and returns the ID token it received. */
  private String signInAndRedeem(Browser browser) {
    AuthorizationRequest request = client.authorizationRequest(SCOPES);
    browser.open(request.url());
    browser.waitForUrlStartingWith(fixtures.issuer() + "/login");
    FlowFixtures.signIn(browser, email, PASSWORD);
    browser.waitForUrlStartingWith(app.redirectUri());
    Map<String, String> callback = app.awaitCallback(1);
    return client.exchange(callback.get("code"), request.codeVerifier()).requireSuccess().idToken();
  }

  /** A new authorization request shows the sign-in page again instead of returning a code. */
  private void assertSignedOut(Browser browser) {
    browser.open(client.authorizationRequest(SCOPES).url());
    browser.waitForUrlStartingWith(fixtures.issuer() + "/login");
    assertThat(browser.has("sign-in")).isTrue();
    assertThat(app.callbacks()).hasSize(1);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
