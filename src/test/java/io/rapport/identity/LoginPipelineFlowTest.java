package io.rapport.identity;

import static io.rapport.identity.FlowFixtures.PASSWORD;
import static io.rapport.identity.FlowFixtures.SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.OidcClient.AuthorizationRequest;
import io.rapport.platform.testing.OidcClient.TokenResponse;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.ProfileService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The login pipeline holding a login on a step's page and resuming it, seen through the email
 * verification step. The only application context with verification required: keep every test that
 * needs it in this class.
 */
@RapportAppTest
@TestPropertySource(properties = "rapport.identity.require-email-verification=true")
class LoginPipelineFlowTest {

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;

  private FlowFixtures fixtures;
  private LoopbackClientApp app;
  private OidcClient client;

  @BeforeEach
  void registerApplication() {
    fixtures = new FlowFixtures(port, applications, accounts, profiles);
    app = LoopbackClientApp.start();
    client = fixtures.publicClient(app, List.of());
  }

  @AfterEach
  void stopApplication() {
    app.close();
  }

  @Test
  void unverifiedUserWaitsOnTheReminderPageAndTheAuthorizationResumesWithItsOriginalState() {
    String email = FlowFixtures.uniqueEmail("pipeline");
    UserAccount user = fixtures.user(email);
    AuthorizationRequest request = client.authorizationRequest(SCOPES);

    try (Browser browser = Browser.start()) {
      signInFrom(browser, request, email);
      browser.waitForUrlStartingWith(fixtures.issuer() + "/verify-email/required?resume=");
      assertThat(app.callbacks()).isEmpty();

      browser.click("continue");
      browser.awaitElement("not-yet");
      assertThat(browser.text("not-yet")).startsWith("Your address is not verified yet.");
      assertThat(app.callbacks()).isEmpty();

      browser.open(FlowFixtures.verificationLink(email, 1));
      assertThat(browser.has("verified")).isTrue();
      browser.click("continue");
      browser.waitForUrlStartingWith(app.redirectUri());
    }

    Map<String, String> callback = app.awaitCallback(1);
    assertThat(callback).containsEntry("state", request.state()).doesNotContainKey("error");
    TokenResponse tokens = client.exchange(callback.get("code"), request.codeVerifier());
    tokens.requireSuccess();
    assertThat(client.verifyIdToken(tokens.idToken(), request.nonce()).getClaims())
        .containsEntry("sub", user.id())
        .containsEntry("email_verified", true);
    assertThat(app.callbacks()).hasSize(1);
  }

  @Test
  void loopbackRedirectOnAnotherPortWaitsOnTheReminderPageToo() {
    // The authorization server accepts a loopback IP redirect URI on any port (RFC 8252): such a
    // request must not pass by the pipeline.
    String email = FlowFixtures.uniqueEmail("pipeline-port");
    fixtures.user(email);
    UriComponents registered = UriComponentsBuilder.fromUriString(app.redirectUri()).build();
    String otherPort =
        UriComponentsBuilder.fromUriString(app.redirectUri())
            .port(registered.getPort() == 9 ? 10 : 9)
            .toUriString();
    AuthorizationRequest request =
        client.authorizationRequest(SCOPES).with("redirect_uri", otherPort);

    try (Browser browser = Browser.start()) {
      signInFrom(browser, request, email);
      browser.waitForUrlStartingWith(fixtures.issuer() + "/verify-email/required?resume=");
    }

    assertThat(app.callbacks()).isEmpty();
  }

  @Test
  void silentRequestForASignedInUnverifiedUserGetsInteractionRequiredInsteadOfAPage() {
    String email = FlowFixtures.uniqueEmail("pipeline-silent");
    fixtures.user(email);
    AuthorizationRequest silent = client.authorizationRequest(SCOPES).with("prompt", "none");

    try (Browser browser = Browser.start()) {
      signInFrom(browser, client.authorizationRequest(SCOPES), email);
      browser.waitForUrlStartingWith(fixtures.issuer() + "/verify-email/required");

      browser.open(silent.url());
      browser.waitForUrlStartingWith(app.redirectUri());
    }

    assertThat(app.callbacks()).hasSize(1);
    assertThat(app.awaitCallback(1))
        .containsEntry("error", "interaction_required")
        .containsEntry("state", silent.state())
        .doesNotContainKey("code");
  }

  @Test
  void verifiedUserGoesStraightThroughToTheApplication() {
    String email = FlowFixtures.uniqueEmail("pipeline-verified");
    UserAccount user = fixtures.verifiedUser(email);
    AuthorizationRequest request = client.authorizationRequest(SCOPES);

    try (Browser browser = Browser.start()) {
      signInFrom(browser, request, email);
      browser.waitForUrlStartingWith(app.redirectUri());
    }

    Map<String, String> callback = app.awaitCallback(1);
    assertThat(callback).containsEntry("state", request.state());
    String idToken =
        client.exchange(callback.get("code"), request.codeVerifier()).requireSuccess().idToken();
    assertThat(client.verifyIdToken(idToken, request.nonce()).getSubject()).isEqualTo(user.id());
  }

  private void signInFrom(Browser browser, AuthorizationRequest request, String email) {
    browser.open(request.url());
    browser.waitForUrlStartingWith(fixtures.issuer() + "/login");
    FlowFixtures.signIn(browser, email, PASSWORD);
  }
}
