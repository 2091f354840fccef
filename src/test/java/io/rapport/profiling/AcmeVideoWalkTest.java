package io.rapport.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.OidcClient.AuthorizationRequest;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Acme Video plan walked in a real browser, as a user of the application meets it: sign-up,
 * then each login through the application's authorization request, with the answers reaching the ID
 * token issued right after.
 */
@AcmeVideoAppTest
class AcmeVideoWalkTest {

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accountService;
  @Autowired UserAccounts accounts;
  @Autowired ProfileService profiles;

  private AcmeVideoFlows flows;
  private LoopbackClientApp app;
  private OidcClient client;
  private int callbacks;

  /** The authorization request of the login in progress. */
  private AuthorizationRequest pending;

  @BeforeEach
  void startApplication() {
    flows = new AcmeVideoFlows(port, accountService);
    app = LoopbackClientApp.start();
    client = flows.acmeVideo(applications, app);
  }

  @AfterEach
  void stopApplication() {
    app.close();
  }

  @Test
  void signUpAndThreeLoginsAskTheirQuestionsAndASkipReturnsTwoLoginsLater() {
    String email = AcmeVideoFlows.uniqueEmail("acme-walk");
    try (Browser browser = Browser.start()) {
      Map<String, Object> afterSignUp = signUp(browser, email);
      assertThat(afterSignUp).doesNotContainKeys("given_name", "company_name", "job_role");
      String userId = accounts.findByEmail(email).orElseThrow().id();

      startLogin(browser, email);
      assertThat(questionsOn(browser)).containsExactly("first-name", "use-case");
      assertThat(browser.text("prompt-skip")).isEqualTo("Skip for now");
      browser.fill("answer-first-name", "Ada");
      choose(browser, "use-case", "training");
      assertThat(finish(browser, "prompt-continue")).containsEntry("given_name", "Ada");

      profiles.observe(
          new NewObservation(
              userId, "company_name", "Acme GmbH", Source.enrichment("clearbit"), 0.6));
      startLogin(browser, email);
      assertThat(questionsOn(browser)).containsExactly("company-name", "job-role");
      assertThat(browser.text("offered-company-name")).contains("Acme GmbH");
      assertThat(browser.value("answer-company-name")).isEqualTo("Acme GmbH");
      browser.fill("answer-company-name", "Acme Analytics");
      choose(browser, "job-role", "engineering");
      assertThat(finish(browser, "prompt-continue"))
          .containsEntry("given_name", "Ada")
          .containsEntry("company_name", "Acme Analytics")
          .containsEntry("job_role", "engineering");

      profiles.observe(new NewObservation(userId, "locale", "de", Source.USER, 1.0));
      startLogin(browser, email);
      assertThat(questionsOn(browser)).containsExactly("company-size", "country");
      assertThat(browser.pageText()).contains("Wie viele Menschen arbeiten in Ihrem Unternehmen?");
      assertThat(browser.text("prompt-skip")).isEqualTo("Jetzt überspringen");
      assertThat(finish(browser, "prompt-skip")).containsEntry("job_role", "engineering");

      assertThat(loginWithoutPrompt(browser, email)).as("login 4").containsKey("sub");

      startLogin(browser, email);
      assertThat(questionsOn(browser)).as("login 5").containsExactly("company-size", "country");
      choose(browser, "company-size", "11");
      new Select(browser.driver().findElement(By.id("answer-country"))).selectByValue("GB");
      finish(browser, "prompt-continue");
      assertThat(profiles.profileOf(userId).value("company_size")).contains("11");
      assertThat(profiles.profileOf(userId).value("country")).contains("GB");

      assertThat(loginWithoutPrompt(browser, email)).as("login 6: nothing left").isNotEmpty();
    }
  }

  @Test
  void silentRequestGetsACodeWithoutAPromptWhileQuestionsAreDue() {
    String email = AcmeVideoFlows.uniqueEmail("acme-silent");
    flows.user(email);
    try (Browser browser = Browser.start()) {
      startLogin(browser, email);
      assertThat(questionsOn(browser)).containsExactly("first-name", "use-case");

      AuthorizationRequest silent =
          client.authorizationRequest(AcmeVideoFlows.SCOPES).with("prompt", "none");
      browser.open(silent.url());
      browser.waitForUrlStartingWith(app.redirectUri());

      Map<String, String> callback = app.awaitCallback(++callbacks);
      assertThat(callback).containsKey("code").doesNotContainKey("error");
      assertThat(callback).containsEntry("state", silent.state());
      client.exchange(callback.get("code"), silent.codeVerifier()).requireSuccess();

      browser.open(client.authorizationRequest(AcmeVideoFlows.SCOPES).url());
      browser.waitForUrlStartingWith(flows.issuer() + "/prompt?");
      assertThat(questionsOn(browser)).as("the same prompt, still open").hasSize(2);
    }
  }

  /** Signs up from the application's sign-in page; returns the claims of the first ID token. */
  private Map<String, Object> signUp(Browser browser, String email) {
    AuthorizationRequest request = client.authorizationRequest(AcmeVideoFlows.SCOPES);
    browser.open(request.url());
    browser.waitForUrlStartingWith(flows.issuer() + "/login");
    browser.click("signup-link");
    browser.waitForUrlStartingWith(flows.issuer() + "/signup");
    assertThat(browser.pageText()).doesNotContain("first name");
    browser.fill("email", email);
    browser.fill("password", AcmeVideoFlows.PASSWORD);
    browser.click("create-account");
    browser.waitForUrlStartingWith(app.redirectUri());
    return claims(request);
  }

  /** A fresh sign-in from the application, which is then on the prompt page. */
  private void startLogin(Browser browser, String email) {
    browser.open(flows.issuer() + "/login");
    browser.driver().manage().deleteAllCookies();
    AuthorizationRequest request = client.authorizationRequest(AcmeVideoFlows.SCOPES);
    pending = request;
    browser.open(request.url());
    browser.waitForUrlStartingWith(flows.issuer() + "/login");
    AcmeVideoFlows.signIn(browser, email);
    browser.waitForUrlStartingWith(flows.issuer() + "/prompt?");
  }

  private Map<String, Object> loginWithoutPrompt(Browser browser, String email) {
    browser.open(flows.issuer() + "/login");
    browser.driver().manage().deleteAllCookies();
    AuthorizationRequest request = client.authorizationRequest(AcmeVideoFlows.SCOPES);
    browser.open(request.url());
    browser.waitForUrlStartingWith(flows.issuer() + "/login");
    AcmeVideoFlows.signIn(browser, email);
    browser.waitForUrlStartingWith(app.redirectUri());
    return claims(request);
  }

  /** Submits the prompt with the button; returns the claims of the ID token issued right after. */
  private Map<String, Object> finish(Browser browser, String button) {
    browser.click(button);
    browser.waitForUrlStartingWith(app.redirectUri());
    return claims(pending);
  }

  private Map<String, Object> claims(AuthorizationRequest request) {
    Map<String, String> callback = app.awaitCallback(++callbacks);
    assertThat(callback).containsEntry("state", request.state()).containsKey("code");
    String idToken =
        client.exchange(callback.get("code"), request.codeVerifier()).requireSuccess().idToken();
    return client.verifyIdToken(idToken, request.nonce()).getClaims();
  }

  private static List<String> questionsOn(Browser browser) {
    browser.awaitElement("prompt-form");
    return browser.driver().findElements(By.cssSelector("#prompt-form .question")).stream()
        .map(element -> element.getAttribute("id").substring("question-".length()))
        .toList();
  }

  private static void choose(Browser browser, String questionId, String value) {
    browser.clickSelector(
        "input[name='" + AnswerForm.fieldName(questionId) + "'][value='" + value + "']");
  }
}
