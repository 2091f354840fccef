package io.rapport.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.PageClient;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The user's own profile page: what Rapport knows, where it came from, and changing it. */
@AcmeVideoAppTest
class AccountPageTest {

  @LocalServerPort int port;
  @Autowired AccountService accountService;
  @Autowired ProfileService profiles;

  private AcmeVideoFlows flows;
  private String email;
  private UserAccount user;

  @BeforeEach
  void userWithValuesFromSeveralSources() {
    flows = new AcmeVideoFlows(port, accountService);
    email = AcmeVideoFlows.uniqueEmail("account");
    user = flows.user(email);
    observe("given_name", "Ada", Source.USER, 1.0);
    observe("job_role", "engineering", Source.USER, 1.0);
    observe("company_name", "Acme GmbH", Source.enrichment("clearbit"), 0.6);
    observe("company_size", "51", Source.enrichment("clearbit"), 0.9);
  }

  @Test
  void showsEachValueWithItsSourceAndChangesAnAnswerWithTheQuestionsInput() {
    try (Browser browser = Browser.start()) {
      browser.open(flows.issuer() + "/login");
      AcmeVideoFlows.signIn(browser, email);
      browser.click("home-account");
      browser.awaitElement("account-values");

      assertThat(browser.text("account-email")).isEqualTo(email);
      assertThat(row(browser, "given_name")).contains("First name", "Ada", "You said");
      assertThat(row(browser, "job_role")).contains("Job role", "Engineering", "You said");
      assertThat(row(browser, "company_name")).contains("Acme GmbH", "From Clearbit");
      assertThat(row(browser, "company_size")).contains("51–200", "From Clearbit");

      browser.click("change-job_role");
      browser.clickSelector("input[name='answer.job-role'][value='hr']");
      browser.click("account-save");
      browser.awaitElement("account-changed");

      assertThat(row(browser, "job_role")).contains("HR", "You said");
      assertThat(browser.has("nav-account")).isTrue();
    }
    assertThat(profiles.profileOf(user.id()).value("job_role")).contains("hr");
  }

  @Test
  void refusedChangeStoresNothing() {
    PageClient pages = new PageClient();
    PageClient.Page login = pages.navigate(flows.issuer() + "/login");
    pages.follow(
        pages.submit(
            login,
            flows.issuer() + "/login",
            Map.of("email", email, "password", AcmeVideoFlows.PASSWORD)));
    PageClient.Page form = pages.navigate(flows.issuer() + "/account/edit?attribute=given_name");
    assertThat(form.body()).contains("value=\"Ada\"");

    PageClient.Page tooLong =
        pages.submit(
            form,
            flows.issuer() + "/account/edit",
            Map.of("attribute", "given_name", "answer.first-name", "A".repeat(101)));
    PageClient.Page empty =
        pages.submit(
            form,
            flows.issuer() + "/account/edit",
            Map.of("attribute", "given_name", "answer.first-name", " "));
    PageClient.Page notAnOption =
        pages.submit(
            form,
            flows.issuer() + "/account/edit",
            Map.of("attribute", "job_role", "answer.job-role", "astronaut"));

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.text("error-first-name")).isEqualTo("Enter at most 100 characters.");
    assertThat(empty.text("error-first-name")).isEqualTo("Please answer this question.");
    assertThat(notAnOption.text("error-job-role")).isEqualTo("Choose one of the answers offered.");
    assertThat(profiles.profileOf(user.id()).value("given_name")).contains("Ada");
    assertThat(profiles.profileOf(user.id()).value("job_role")).contains("engineering");
  }

  private void observe(String key, String value, Source source, double confidence) {
    profiles.observe(new NewObservation(user.id(), key, value, source, confidence));
  }

  private static String row(Browser browser, String key) {
    return browser.text("attribute-" + key);
  }
}
