package io.rapport.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationDefinition;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.PageClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Users and sign-ins of the Acme Video application for the profiling flow tests: the application as
 * the example file declares it, with the loopback app's redirect URI added so that tests can read
 * the codes it receives.
 */
final class AcmeVideoFlows {

  static final String PASSWORD = "Analytical-Engine-1843";
  static final String SCOPES = "openid profile email";
  static final String CALLBACK = "http://localhost:3000/callback";
  static final String CHECKOUT_PAGE = "http://localhost:3000/checkout.html";

  private final String issuer;
  private final AccountService accounts;

  AcmeVideoFlows(int port, AccountService accounts) {
    this.issuer = "http://localhost:" + port;
    this.accounts = accounts;
  }

  String issuer() {
    return issuer;
  }

  /** Lets the loopback app receive Acme Video's codes, beside the example's own redirect URIs. */
  OidcClient acmeVideo(ApplicationRegistry applications, LoopbackClientApp app) {
    register(applications, app.redirectUri());
    return OidcClient.publicClient(issuer, AcmeVideoPlan.CLIENT_ID, app.redirectUri());
  }

  /** Acme Video as the example file declares it, with more redirect URIs. */
  static void register(ApplicationRegistry applications, String... moreRedirectUris) {
    List<String> redirectUris = new ArrayList<>(List.of(CALLBACK, CHECKOUT_PAGE));
    redirectUris.addAll(List.of(moreRedirectUris));
    applications.register(
        new ApplicationDefinition(
            AcmeVideoPlan.CLIENT_ID,
            "Acme Video",
            redirectUris,
            List.of(),
            null,
            List.of(),
            List.of("openid", "profile", "email", PromptApiSecurity.SCOPE),
            List.of("given_name", "company_name", "job_role")),
        ApplicationRegistry.ORIGIN_IMPORT,
        "test");
  }

  static String uniqueEmail(String purpose) {
    return purpose + "-" + UUID.randomUUID().toString().substring(0, 13) + "@example.com";
  }

  /** A new account; its sign-up is not a login, so its next sign-in is login 1. */
  UserAccount user(String email) {
    return accounts.signUp(email, PASSWORD, issuer, Locale.ENGLISH, "127.0.0.1");
  }

  /**
   * Signs in over plain HTTP from an authorization request and follows the redirects: returns the
   * prompt page when questions are due, else the application's callback.
   */
  PageClient.Page signInOverHttp(
      PageClient pages, OidcClient.AuthorizationRequest request, String email) {
    PageClient.Page login = pages.navigate(request.url());
    assertThat(login.url().getPath()).as("the authorization request leads to").isEqualTo("/login");
    return pages.follow(
        pages.submit(login, issuer + "/login", Map.of("email", email, "password", PASSWORD)));
  }

  /** Signs in on Rapport's page, which the browser must be on. */
  static void signIn(Browser browser, String email) {
    browser.fill("email", email);
    browser.fill("password", PASSWORD);
    browser.click("sign-in");
  }
}
