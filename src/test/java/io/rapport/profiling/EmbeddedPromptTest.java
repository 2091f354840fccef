package io.rapport.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.Browser;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sample checkout page of {@code examples/acme-video/app}, served as is from its own origin on
 * loopback, in a real browser: it signs in with Rapport, and at "Buy now" Rapport's embeddable
 * prompt shows the questions of the {@code purchase} moment inside the page.
 */
@AcmeVideoAppTest
class EmbeddedPromptTest {

  private static final Path SAMPLE = Path.of("examples/acme-video/app").toAbsolutePath();

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;
  @Autowired JdbcClient jdbc;

  private AcmeVideoFlows flows;
  private HttpServer sampleSite;
  private String checkoutPage;

  @BeforeEach
  void serveTheSamplePage() throws Exception {
    flows = new AcmeVideoFlows(port, accounts);
    sampleSite =
        SimpleFileServer.createFileServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            SAMPLE,
            SimpleFileServer.OutputLevel.NONE);
    sampleSite.start();
    checkoutPage = "http://localhost:" + sampleSite.getAddress().getPort() + "/checkout.html";
    AcmeVideoFlows.register(applications, checkoutPage);
  }

  @AfterEach
  void stopTheSampleSite() {
    sampleSite.stop(0);
  }

  @Test
  void purchaseShowsTheQuestionsInThePageAndTheAnswersReachTheProfile() {
    UserAccount user = flows.user(AcmeVideoFlows.uniqueEmail("embedded"));
    try (Browser browser = Browser.start()) {
      signInFromTheSample(browser, user);
      browser.fill("answer-first-name", "Ada");
      browser.click("prompt-continue");
      browser.waitForUrlStartingWith(checkoutPage);
      awaitText(browser, "greeting", "Signed in as Ada.");

      browser.click("buy");
      browser.awaitElement("rapport-prompt");
      assertThat(questionsOn(browser)).containsExactly("company-name", "job-role");
      assertThat(browser.text("rapport-prompt")).contains("Which company do you work for?");
      browser.fill("rapport-answer-company-name", "Acme Analytics");
      browser.clickSelector("input[name='rapport-job-role'][value='hr']");
      browser.click("rapport-answer");

      awaitThanks(browser, "answered");
      assertThat(browser.has("rapport-prompt")).isFalse();
      assertThat(profiles.profileOf(user.id()).value("company_name")).contains("Acme Analytics");
      assertThat(profiles.profileOf(user.id()).value("job_role")).contains("hr");
      assertThat(eventsAtPurchase(user)).containsExactly("SHOWN", "SHOWN", "ANSWERED", "ANSWERED");

      browser.open(checkoutPage);
      awaitText(browser, "greeting", "Signed in as Ada.");
      browser.click("buy");
      awaitThanks(browser, "none");
      assertThat(browser.has("rapport-prompt")).as("nothing more is due").isFalse();
    }
  }

  @Test
  void refusedAnswerIsShownUnderItsQuestionAndOfferedValuesAreShownAsText() {
    UserAccount user = flows.user(AcmeVideoFlows.uniqueEmail("embedded-refused"));
    profiles.observe(new NewObservation(user.id(), "given_name", "Ada", Source.USER, 1.0));
    profiles.observe(new NewObservation(user.id(), "use_case", "training", Source.USER, 1.0));
    String markup = "<b id=\"injected\">Acme</b>";
    profiles.observe(
        new NewObservation(user.id(), "company_name", markup, Source.enrichment("website"), 0.5));
    try (Browser browser = Browser.start()) {
      signInFromTheSample(browser, user);
      browser.waitForUrlStartingWith(checkoutPage);
      awaitText(browser, "greeting", "Signed in as Ada.");
      browser.click("buy");
      browser.awaitElement("rapport-prompt");
      assertThat(browser.text("rapport-question-company-name")).contains(markup);
      assertThat(browser.has("injected")).as("markup is text, not elements").isFalse();
      assertThat(browser.value("rapport-answer-company-name")).isEqualTo(markup);

      browser.skipClientSideValidation();
      ((JavascriptExecutor) browser.driver())
          .executeScript(
              "document.getElementById('rapport-answer-company-name').value = 'A'.repeat(201);");
      browser.click("rapport-answer");
      awaitText(browser, "rapport-error-company-name", "Enter at most 200 characters.");
      assertThat(browser.text("rapport-prompt-error")).startsWith("Some answers need");
      assertThat(profiles.profileOf(user.id()).value("company_name")).contains(markup);

      browser.click("rapport-skip");
      awaitThanks(browser, "skipped");
      assertThat(eventsAtPurchase(user)).containsExactly("SHOWN", "SHOWN", "SKIPPED", "SKIPPED");
    }
  }

  /** Opens the sample, which sends the browser to Rapport's sign-in page, and signs in there. */
  private void signInFromTheSample(Browser browser, UserAccount user) {
    browser.open(checkoutPage + "?rapport=" + flows.issuer());
    browser.click("sign-in");
    browser.waitForUrlStartingWith(flows.issuer() + "/login");
    browser.fill("email", user.email());
    browser.fill("password", AcmeVideoFlows.PASSWORD);
    browser.click("sign-in");
  }

  private static List<String> questionsOn(Browser browser) {
    return browser
        .driver()
        .findElements(By.cssSelector("#rapport-prompt .rapport-question"))
        .stream()
        .map(element -> element.getAttribute("id").substring("rapport-question-".length()))
        .toList();
  }

  private static void awaitThanks(Browser browser, String questions) {
    WebElement thanks = browser.driver().findElement(By.id("thanks"));
    new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
        .withMessage(() -> "no thanks on the page:\n" + browser.pageText())
        .until(ignored -> thanks.isDisplayed());
    assertThat(thanks.getDomAttribute("data-questions")).isEqualTo(questions);
  }

  private static void awaitText(Browser browser, String id, String text) {
    new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
        .withMessage(() -> "'" + id + "' never read '" + text + "':\n" + browser.pageText())
        .until(ignored -> browser.has(id) && browser.text(id).equals(text));
  }

  private List<String> eventsAtPurchase(UserAccount user) {
    return jdbc.sql(
            "SELECT event_type FROM profiling_event WHERE user_id = ? AND moment = 'purchase'"
                + " ORDER BY id")
        .param(user.id())
        .query(String.class)
        .list();
  }
}
