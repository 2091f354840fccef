package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.testing.TestDatabase;
import io.rapport.platform.testing.TestDatabases;
import io.rapport.profile.AttributeCatalog;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class ApplicationValidatorTest {

  private static final String SECRET = "0123456789abcdef";
  private static final List<String> CALLBACK = List.of("https://app.example.com/callback");

  private static TestDatabase database;
  private static ApplicationValidator validator;

  @BeforeAll
  static void catalog() {
    database = TestDatabases.h2();
    AttributeCatalog catalog =
        new AttributeCatalog(
            database.jdbc(), new DataSourceTransactionManager(database.dataSource()));
    validator = new ApplicationValidator(catalog);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void minimalDefinitionGetsTheDefaults() {
    ApplicationDefinition valid = validator.validate(signIn("shop"));

    assertThat(valid.clientId()).isEqualTo("shop");
    assertThat(valid.name()).isEqualTo("shop");
    assertThat(valid.grantTypes()).containsExactly("authorization_code", "refresh_token");
    assertThat(valid.scopes()).containsExactly("openid", "profile", "email");
    assertThat(valid.clientSecret()).isNull();
    assertThat(valid.redirectUris()).isEqualTo(CALLBACK);
    assertThat(valid.postLogoutRedirectUris()).isEmpty();
    assertThat(valid.claims()).isEmpty();
  }

  @Test
  void nameIsTrimmedAndLimited() {
    ApplicationDefinition named = definition("shop", "  The Shop ", CALLBACK, null, List.of());

    assertThat(validator.validate(named).name()).isEqualTo("The Shop");
    assertRefused(definition("shop", "n".repeat(201), CALLBACK, null, List.of()), "name", -1)
        .hasMessageContaining("200");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "shop", "Shop.v2_beta-1", "0day"})
  void clientIdOfLettersDigitsDotsDashesAndUnderscoresIsAccepted(String clientId) {
    assertThat(validator.validate(signIn(clientId)).clientId()).isEqualTo(clientId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-shop", ".shop", "_shop", "my shop", "shop/1", "shöp", "shop:1"})
  void clientIdOutsideThePatternIsRefused(String clientId) {
    assertRefused(signIn(clientId), "client-id", -1).hasMessageContaining("1 to 100");
  }

  @Test
  void clientIdIsAtMostAHundredCharacters() {
    assertThat(validator.validate(signIn("c".repeat(100))).clientId()).hasSize(100);
    assertRefused(signIn("c".repeat(101)), "client-id", -1);
    assertRefused(signIn(null), "client-id", -1);
  }

  @Test
  void clientIdShapedLikeAUserIdIsRefused() {
    assertRefused(signIn("0b6f1c9e-5a7d-4c1e-9f0a-2d3b4c5e6f70"), "client-id", -1)
        .hasMessageContaining("UUID");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/callback",
        "app.example.com/callback",
        "https://app.example.com/callback#done",
        "https:///callback",
        "https://app.example.com/call back",
        "com.example.app:"
      })
  void redirectUriMustBeAbsoluteWithAHostAndNoFragment(String uri) {
    List<String> uris = List.of("https://app.example.com/ok", uri);

    assertRefused(definition("shop", null, uris, null, List.of()), "redirect-uris", 1)
        .hasMessageContaining(uri);
  }

  @Test
  void redirectUrisAreKeptExactlyAsWritten() {
    List<String> uris =
        List.of(
            "https://App.Example.com:8443/callback/?tenant=a%20b",
            "http://127.0.0.1:49152/callback",
            "com.example.app:/oauth2redirect",
            "https://App.Example.com:8443/callback/?tenant=a%20b");

    ApplicationDefinition valid =
        validator.validate(definition("shop", null, uris, null, List.of()));

    assertThat(valid.redirectUris())
        .containsExactly(
            "https://App.Example.com:8443/callback/?tenant=a%20b",
            "http://127.0.0.1:49152/callback", "com.example.app:/oauth2redirect");
  }

  @Test
  void postLogoutRedirectUrisFollowTheSameRules() {
    ApplicationDefinition definition =
        new ApplicationDefinition(
            "shop", null, CALLBACK, List.of("/signed-out"), null, null, null, null);

    assertRefused(definition, "post-logout-redirect-uris", 0);
  }

  @Test
  void signingUsersInNeedsARedirectUri() {
    assertRefused(definition("shop", null, List.of(), null, List.of()), "redirect-uris", -1);
  }

  @Test
  void refreshTokenNeedsAuthorizationCodeBesideIt() {
    ApplicationDefinition definition =
        definition("tool", null, List.of(), SECRET, List.of("client_credentials", "refresh_token"));

    assertRefused(definition, "grant-types", -1).hasMessageContaining("authorization_code");
  }

  @Test
  void unknownGrantTypeIsRefusedAtItsPosition() {
    ApplicationDefinition definition =
        definition("shop", null, CALLBACK, SECRET, List.of("authorization_code", "password"));

    assertRefused(definition, "grant-types", 1).hasMessageContaining("'password'");
  }

  @Test
  void clientCredentialsNeedsASecretOfSixteenCharacters() {
    List<String> grants = List.of("client_credentials");

    assertRefused(definition("tool", null, List.of(), null, grants), "client-secret", -1);
    assertRefused(definition("tool", null, List.of(), "", grants), "client-secret", -1);
    assertRefused(
            definition("tool", null, List.of(), SECRET.substring(1), grants), "client-secret", -1)
        .hasMessageContaining("16");
    ApplicationDefinition valid =
        validator.validate(definition("tool", null, List.of(), SECRET, grants));
    assertThat(valid.clientSecret()).isEqualTo(SECRET);
    assertThat(valid.grantTypes()).containsExactly("client_credentials");
    assertThat(valid.scopes()).isEmpty();
    assertThat(valid.redirectUris()).isEmpty();
  }

  @Test
  void scopesMustFollowTheScopeSyntax() {
    assertRefused(withScopes("users:read", "users read"), "scopes", 1);
    assertRefused(withScopes("say\"hi\""), "scopes", 0);
    assertRefused(withScopes("back\\slash"), "scopes", 0);
    assertRefused(withScopes(""), "scopes", 0);
    assertRefused(withScopes("s".repeat(101)), "scopes", 0);
  }

  @Test
  void signInApplicationsAlwaysGetOpenidAndDuplicatesAreDropped() {
    ApplicationDefinition valid =
        validator.validate(withScopes("profile", "orders:read", "profile"));

    assertThat(valid.scopes()).containsExactly("openid", "profile", "orders:read");
  }

  @Test
  void claimsMustBeAttributesOfTheCatalog() {
    ApplicationDefinition definition =
        new ApplicationDefinition(
            "shop",
            null,
            CALLBACK,
            null,
            null,
            null,
            null,
            List.of("company_size", "shoe_size", "company_size"));

    assertRefused(definition, "claims", 1).hasMessageContaining("'shoe_size'");
    ApplicationDefinition known =
        new ApplicationDefinition(
            "shop", null, CALLBACK, null, null, null, null, List.of("job_role", "job_role"));
    assertThat(validator.validate(known).claims()).containsExactly("job_role");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      ApplicationDefinition definition, String field, int index) {
    return assertThatThrownBy(() -> validator.validate(definition))
        .isInstanceOfSatisfying(
            InvalidApplicationException.class,
            refused -> {
              assertThat(refused.field()).isEqualTo(field);
              assertThat(refused.index()).isEqualTo(index);
            });
  }

  private static ApplicationDefinition signIn(String clientId) {
    return definition(clientId, null, CALLBACK, null, List.of());
  }

  private static ApplicationDefinition withScopes(String... scopes) {
    return new ApplicationDefinition(
        "shop", null, CALLBACK, null, null, null, List.of(scopes), null);
  }

  private static ApplicationDefinition definition(
      String clientId, String name, List<String> redirects, String secret, List<String> grants) {
    return new ApplicationDefinition(clientId, name, redirects, null, secret, grants, null, null);
  }
}
