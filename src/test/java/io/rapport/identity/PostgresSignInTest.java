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
import io.rapport.platform.testing.TestApplicationInitializer;
import io.rapport.platform.testing.TestDatabases;
import io.rapport.profile.ProfileService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sign-in flow with the production store: sessions, registered clients, authorizations and
 * signing keys all in PostgreSQL, through the same migrations as H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestApplicationInitializer.class)
class PostgresSignInTest {

  /** Skips this class, or fails it in CI, before the context tries to connect. */
  @BeforeAll
  static void postgresAnswers() {
    TestDatabases.requirePostgres();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.postgresProperties().forEach((name, value) -> registry.add(name, () -> value));
  }

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
  void userSignsInWithPkceAndTheApplicationReceivesVerifiedTokensWithProfileClaims() {
    OidcClient client = fixtures.publicClient(app, List.of("company_name", "company_size"));
    String email = FlowFixtures.uniqueEmail("postgres");
    UserAccount user = fixtures.user(email);
    fixtures.observe(user.id(), "company_name", "Acme");
    fixtures.observe(user.id(), "company_size", "250");
    AuthorizationRequest request = client.authorizationRequest(SCOPES);

    PageClient.Page last = fixtures.signInOverHttp(new PageClient(), request, email, PASSWORD);

    assertThat(last.url().toString()).startsWith(app.redirectUri());
    Map<String, String> callback = app.awaitCallback(1);
    assertThat(callback).containsEntry("state", request.state());
    TokenResponse tokens = client.exchange(callback.get("code"), request.codeVerifier());
    tokens.requireSuccess();
    JWTClaimsSet idToken = client.verifyIdToken(tokens.idToken(), request.nonce());
    assertThat(idToken.getSubject()).isEqualTo(user.id());
    assertThat(idToken.getClaims())
        .containsEntry("email", email)
        .containsEntry("company_name", "Acme")
        .containsEntry("company_size", 250L);
    assertThat(client.userInfo(tokens.accessToken()))
        .containsEntry("sub", user.id())
        .containsEntry("company_name", "Acme");
    assertThat(client.exchange(callback.get("code"), request.codeVerifier()).error())
        .as("a code works once")
        .isEqualTo("invalid_grant");
  }

  @Test
  void refreshTokenRotatesOnPostgres() {
    OidcClient client =
        fixtures.confidentialClient(app, "a-server-side-secret-of-some-length", List.of());
    String email = FlowFixtures.uniqueEmail("postgres-refresh");
    fixtures.user(email);
    AuthorizationRequest request = client.authorizationRequest(SCOPES);
    fixtures.signInOverHttp(new PageClient(), request, email, PASSWORD);
    TokenResponse first =
        client.exchange(app.awaitCallback(1).get("code"), request.codeVerifier()).requireSuccess();

    TokenResponse second = client.refresh(first.refreshToken()).requireSuccess();

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(client.refresh(first.refreshToken()).error()).isEqualTo("invalid_grant");
  }
}
