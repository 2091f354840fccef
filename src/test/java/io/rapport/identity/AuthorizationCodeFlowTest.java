package io.rapport.identity;

import static io.rapport.identity.FlowFixtures.PASSWORD;
import static io.rapport.identity.FlowFixtures.SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.OidcClient.AuthorizationRequest;
import io.rapport.platform.testing.OidcClient.TokenResponse;
import io.rapport.platform.testing.PageClient;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.ProfileService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The authorization code flow with PKCE as a public client sees it: a user signs in on Rapport's
 * real page in a browser, the application gets a code at its redirect URI and trades it for tokens
 * that carry the profile claims it was configured to receive.
 */
@RapportAppTest
class AuthorizationCodeFlowTest {

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;

  private FlowFixtures fixtures;
  private LoopbackClientApp app;
  private OidcClient client;
  private String email;
  private UserAccount user;

  @BeforeEach
  void registerApplicationAndUser() {
    fixtures = new FlowFixtures(port, applications, accounts, profiles);
    app = LoopbackClientApp.start();
    client = fixtures.publicClient(app, List.of("company_name", "job_role", "company_size"));
    email = FlowFixtures.uniqueEmail("code-flow");
    user = fixtures.user(email);
    fixtures.observe(user.id(), "given_name", "Ada");
    fixtures.observe(user.id(), "company_name", "Acme");
    fixtures.observe(user.id(), "job_role", "engineering");
    fixtures.observe(user.id(), "company_size", "250");
  }

  @AfterEach
  void stopApplication() {
    app.close();
  }

  @Test
  void userSignsInOnTheLoginPageAndTheApplicationReceivesVerifiedTokensWithProfileClaims() {
    AuthorizationRequest request = client.authorizationRequest(SCOPES);
    try (Browser browser = Browser.start()) {
      browser.open(request.url());
      browser.waitForUrlStartingWith(fixtures.issuer() + "/login");
      FlowFixtures.signIn(browser, email, PASSWORD);
      browser.waitForUrlStartingWith(app.redirectUri());
    }

    Map<String, String> callback = app.awaitCallback(1);
    assertThat(callback).containsEntry("state", request.state()).doesNotContainKey("error");
    assertThat(callback.get("code")).isNotBlank();

    TokenResponse tokens = client.exchange(callback.get("code"), request.codeVerifier());
    tokens.requireSuccess();
    JWTClaimsSet idToken = client.verifyIdToken(tokens.idToken(), request.nonce());
    assertThat(idToken.getSubject()).isEqualTo(user.id());
    assertThat(idToken.getClaims())
        .containsEntry("email", email)
        .containsEntry("email_verified", false)
        .containsEntry("given_name", "Ada")
        .containsEntry("company_name", "Acme")
        .containsEntry("job_role", "engineering")
        .containsEntry("company_size", 250L);

    Map<String, Object> userInfo = client.userInfo(tokens.accessToken());
    assertThat(userInfo)
        .containsEntry("sub", user.id())
        .containsEntry("email", email)
        .containsEntry("email_verified", false)
        .containsEntry("given_name", "Ada")
        .containsEntry("company_name", "Acme")
        .containsEntry("job_role", "engineering")
        .containsEntry("company_size", 250L);
  }

  @Test
  void codeIsRefusedWithAnotherCodeVerifier() {
    AuthorizationRequest request = client.authorizationRequest(SCOPES);
    PageClient.Page callback = fixtures.signInOverHttp(new PageClient(), request, email, PASSWORD);
    String code = app.awaitCallback(1).get("code");
    assertThat(callback.url().toString()).startsWith(app.redirectUri());

    String otherVerifier = client.authorizationRequest(SCOPES).codeVerifier();
    TokenResponse refused = client.exchange(code, otherVerifier);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("invalid_grant");
    assertThat(refused.accessToken()).isNull();
  }

  @Test
  void redirectUriDifferingByOneCharacterIsRefusedByRapportWithoutRedirecting() {
    PageClient pages = new PageClient();
    fixtures.signInOverHttp(pages, client.authorizationRequest(SCOPES), email, PASSWORD);
    String almostRegistered = app.redirectUri().replaceFirst("/callback$", "/callbacks");
    AuthorizationRequest request =
        client.authorizationRequest(SCOPES).with("redirect_uri", almostRegistered);

    PageClient.Page answer = pages.get(request.url());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Location")).isEmpty();
    assertThat(answer.text("error-status")).contains("400");
    assertThat(answer.body()).doesNotContain(almostRegistered);
    assertThat(app.callbacks()).hasSize(1);
  }

  @Test
  void publicClientRequestWithoutPkceIsRefusedAtTheRedirectUri() {
    PageClient pages = new PageClient();
    fixtures.signInOverHttp(pages, client.authorizationRequest(SCOPES), email, PASSWORD);
    AuthorizationRequest request =
        client
            .authorizationRequest(SCOPES)
            .without("code_challenge")
            .without("code_challenge_method");

    pages.navigate(request.url());

    Map<String, String> callback = app.awaitCallback(2);
    assertThat(callback)
        .containsEntry("error", "invalid_request")
        .containsEntry("state", request.state())
        .doesNotContainKey("code");
  }
}
