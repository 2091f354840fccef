package io.rapport.identity;

import static io.rapport.identity.FlowFixtures.PASSWORD;
import static io.rapport.identity.FlowFixtures.SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.OidcClient.AuthorizationRequest;
import io.rapport.platform.testing.OidcClient.TokenResponse;
import io.rapport.platform.testing.PageClient;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.ProfileService;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an application with a server-side secret gets: refresh tokens that rotate, and access tokens
 * of its own through the client credentials grant.
 */
@RapportAppTest
class ConfidentialClientTest {

  private static final String SECRET = "a-server-side-secret-of-some-length";

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;

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
  void refreshTokenGivesNewTokensOnceAndIsReplacedByANewOne() {
    OidcClient client = fixtures.confidentialClient(app, SECRET, List.of("company_size"));
    String email = FlowFixtures.uniqueEmail("refresh");
    UserAccount user = fixtures.user(email);
    fixtures.observe(user.id(), "company_size", "1200");
    AuthorizationRequest request = client.authorizationRequest(SCOPES);
    fixtures.signInOverHttp(new PageClient(), request, email, PASSWORD);
    TokenResponse first =
        client.exchange(app.awaitCallback(1).get("code"), request.codeVerifier()).requireSuccess();
    assertThat(first.refreshToken()).isNotBlank();

    TokenResponse refreshed = client.refresh(first.refreshToken()).requireSuccess();

    assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(first.accessToken());
    assertThat(refreshed.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
    assertThat(client.verifyAccessToken(refreshed.accessToken()).getSubject()).isEqualTo(user.id());
    assertThat(client.userInfo(refreshed.accessToken()))
        .containsEntry("sub", user.id())
        .containsEntry("company_size", 1200L);
    assertThat(client.verifyRefreshedIdToken(refreshed.idToken()).getClaims())
        .containsEntry("sub", user.id())
        .containsEntry("company_size", 1200L);

    TokenResponse replayed = client.refresh(first.refreshToken());
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(replayed.error()).isEqualTo("invalid_grant");
    assertThat(client.refresh(refreshed.refreshToken()).requireSuccess().accessToken())
        .isNotBlank();
  }

  @Test
  void clientCredentialsGiveTheApplicationAnAccessTokenWithTheRequestedScope() {
    String clientId = FlowFixtures.uniqueClientId("machine");
    fixtures.register(
        new ApplicationDefinition(
            clientId,
            "Machine " + clientId,
            List.of(),
            List.of(),
            SECRET,
            List.of(ApplicationValidator.CLIENT_CREDENTIALS),
            List.of("users:read", "profiles:read"),
            List.of()));
    OidcClient client = OidcClient.confidentialClient(fixtures.issuer(), clientId, SECRET, null);

    TokenResponse tokens = client.clientCredentials("users:read").requireSuccess();

    assertThat(tokens.scope()).isEqualTo("users:read");
    assertThat(tokens.refreshToken()).isNull();
    assertThat(tokens.idToken()).isNull();
    JWTClaimsSet accessToken = client.verifyAccessToken(tokens.accessToken());
    assertThat(accessToken.getSubject()).isEqualTo(clientId);
    assertThat(accessToken.getClaim("scope"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly("users:read");
  }

  @Test
  void clientCredentialsAreRefusedForAScopeTheApplicationDoesNotHaveOrAWrongSecret() {
    String clientId = FlowFixtures.uniqueClientId("machine");
    fixtures.register(
        new ApplicationDefinition(
            clientId,
            null,
            List.of(),
            List.of(),
            SECRET,
            List.of(ApplicationValidator.CLIENT_CREDENTIALS),
            List.of("users:read"),
            List.of()));
    OidcClient client = OidcClient.confidentialClient(fixtures.issuer(), clientId, SECRET, null);
    OidcClient impostor =
        OidcClient.confidentialClient(fixtures.issuer(), clientId, SECRET + "-wrong", null);

    TokenResponse otherScope = client.clientCredentials("profiles:read");
    TokenResponse wrongSecret = impostor.clientCredentials("users:read");

    assertThat(otherScope.status()).isEqualTo(400);
    assertThat(otherScope.error()).isEqualTo("invalid_scope");
    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(wrongSecret.error()).isEqualTo("invalid_client");
  }
}
