package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-up form's consent checkbox and the account page's enrichment section, in a real browser:
 * what a user sees, ticks and clicks, and what it leaves behind.
 */
@RapportAppTest
class ConsentPagesTest {

  private static final String PASSWORD = "Analytical-Engine-1843";

  @LocalServerPort int port;
  @Autowired ConsentPolicyStore policies;
  @Autowired UserAccounts accounts;
  @Autowired EnrichmentJobs jobs;
  @Autowired ProfileService profiles;
  @Autowired ConsentChoices choices;

  /** Other tests share the database: back to the policy of an installation without a file. */
  @AfterEach
  void policyOfTheProperties() {
    policies.declare(null, null);
  }

  @Test
  void underConsentTheBoxIsUntickedAndAnUntickedSignUpIsNotLookedUpUntilTheUserAgrees() {
    policies.declare(EnrichmentBasis.CONSENT, null);
    try (Browser browser = Browser.start()) {
      UserAccount user = signUp(browser, false);

      assertThat(jobs.queued(user.id())).isFalse();
      browser.open(base() + "/account");
      assertThat(browser.text("enrichment-state"))
          .isEqualTo("Rapport does not look you up in public or commercial sources.");
      assertThat(browser.text("enrichment-agree")).isEqualTo("I agree to be looked up");

      browser.click("enrichment-agree");

      browser.awaitElement("enrichment-agreed");
      assertThat(browser.text("enrichment-object")).isEqualTo("Withdraw my consent");
      assertThat(choices.state(user.id()).choice()).isEqualTo(ConsentChoice.AGREED);
    }
  }

  @Test
  void aTickedSignUpIsQueuedAndWithdrawingOnTheAccountPageDeletesWhatWasFound() {
    policies.declare(EnrichmentBasis.CONSENT, null);
    try (Browser browser = Browser.start()) {
      UserAccount user = signUp(browser, true);
      assertThat(jobs.queued(user.id())).isTrue();
      profiles.observe(
          new NewObservation(user.id(), "job_title", "CTO", Source.enrichment("paid-people"), 0.9));

      browser.open(base() + "/account");
      assertThat(browser.has("attribute-job_title")).isTrue();
      assertThat(browser.text("account-enrichment"))
          .contains("what those sources found about you is deleted from your profile")
          .contains("What is known of your company stays");
      browser.click("enrichment-object");

      browser.awaitElement("enrichment-objected");
      assertThat(browser.has("attribute-job_title")).isFalse();
      assertThat(browser.text("enrichment-agree")).isEqualTo("I agree to be looked up");
      assertThat(jobs.queued(user.id())).isFalse();
    }
  }

  @Test
  void underLegitimateInterestThereIsNoBoxAndTheAccountPageOffersDoNotLookMeUp() {
    try (Browser browser = Browser.start()) {
      browser.open(base() + "/signup");
      assertThat(browser.has("enrichment-consent")).isFalse();
      UserAccount user = signUp(browser, false);
      assertThat(jobs.queued(user.id())).isTrue();

      browser.open(base() + "/account");
      assertThat(browser.text("enrichment-object")).isEqualTo("Do not look me up");
      browser.click("enrichment-object");

      browser.awaitElement("enrichment-objected");
      assertThat(browser.text("enrichment-objected"))
          .isEqualTo(
              "You will not be looked up again. What those sources found about you is deleted.");
      assertThat(browser.text("enrichment-agree")).isEqualTo("Look me up again");
      assertThat(jobs.queued(user.id())).isFalse();
    }
  }

  @Test
  void theCheckboxSpeaksGerman() throws Exception {
    policies.declare(EnrichmentBasis.CONSENT, null);
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/signup"))
                    .header("Accept-Language", "de")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(page.body())
        .contains("Meine beruflichen Angaben (Arbeitgeber, Unternehmen, Position)")
        .doesNotContain("checked");
  }

  private UserAccount signUp(Browser browser, boolean tick) {
    String email = "consent-" + UUID.randomUUID() + "@firm.example";
    browser.open(base() + "/signup");
    browser.fill("email", email);
    browser.fill("password", PASSWORD);
    if (browser.has("enrichment-consent")) {
      assertThat(browser.driver().findElement(By.id("enrichment-consent")).isSelected()).isFalse();
    }
    if (tick) {
      browser.click("enrichment-consent");
    }
    browser.click("create-account");
    browser.waitForUrl(url -> !url.contains("/signup"));
    return accounts.findByEmail(email).orElseThrow();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
