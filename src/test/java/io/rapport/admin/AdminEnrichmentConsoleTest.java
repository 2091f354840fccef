package io.rapport.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.enrichment.ConsentChoices;
import io.rapport.enrichment.EnrichmentJobs;
import io.rapport.enrichment.InstalledProviders;
import io.rapport.enrichment.ProviderAdministration;
import io.rapport.enrichment.ProviderSettings;
import io.rapport.enrichment.ProviderStore;
import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's enrichment pages, driven in a real browser by the administrator: the providers and
 * their settings, the test lookup, the jobs with their retry button, the costs, and enrichment on a
 * user's page. Other test classes share the database, so each test puts the providers back as a
 * fresh installation has them.
 */
@RapportAppTest
class AdminEnrichmentConsoleTest {

  private static final String SECRET_KEY = "sk_live_4f9a1c7e2b8d3356";

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired ProviderStore store;
  @Autowired ProviderAdministration administration;
  @Autowired EnrichmentJobs jobs;
  @Autowired ProfileService profiles;
  @Autowired JdbcClient jdbc;
  @Autowired ConsentChoices choices;

  private Browser browser;

  @BeforeEach
  void administrator() {
    ConsoleAdmin.ensureExists(accounts);
    browser = Browser.start();
    ConsoleAdmin.signIn(browser, base());
  }

  @AfterEach
  void providersAsInstalled() {
    browser.close();
    InstalledProviders.restore(store);
  }

  @Test
  void administratorAddsAProviderWithLimitsAndTheKeyIsNeverShownBack() {
    browser.open(base() + "/admin");
    browser.driver().findElement(By.id("nav-enrichment")).click();
    assertThat(providerIds()).containsExactly("email-domain", "website");
    assertThat(row("email-domain").findElement(By.className("state")).getText())
        .isEqualTo("enabled");

    browser.click("add");
    browser.fill("id", "second-opinion");
    browser.fill("apiKey", SECRET_KEY);
    browser.fill("requestsPerMinute", "60");
    browser.fill("timeout", "3s");
    browser.fill("monthlyBudget", "1000");
    browser.click("save");

    browser.awaitElement("enrichment-notice");
    assertThat(browser.text("enrichment-notice")).isEqualTo("Provider 'second-opinion' added.");
    assertThat(providerIds()).containsExactly("email-domain", "website", "second-opinion");
    WebElement added = row("second-opinion");
    assertThat(added.findElement(By.className("limit")).getText()).isEqualTo("60 a minute");
    assertThat(added.findElement(By.className("budget")).getText()).isEqualTo("0 of 1000 calls");
    assertThat(added.findElement(By.className("key")).getText()).isEqualTo("••••3356");
    assertThat(browser.driver().getPageSource()).doesNotContain(SECRET_KEY);

    added.findElement(By.className("edit")).click();
    assertThat(browser.driver().getPageSource()).doesNotContain(SECRET_KEY);
    browser.fill("requestsPerMinute", "120");
    browser.click("save");
    browser.awaitElement("enrichment-notice");
    ProviderSettings saved = administration.find("second-opinion").orElseThrow().settings();
    assertThat(saved.requestsPerMinute()).isEqualTo(120);
    assertThat(saved.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(saved.apiKey()).as("a blank key field keeps the key").isEqualTo(SECRET_KEY);
    String stored =
        jdbc.sql("SELECT credentials FROM enrichment_provider WHERE provider_id = 'second-opinion'")
            .query(String.class)
            .single();
    assertThat(stored).as("stored encrypted").doesNotContain(SECRET_KEY);
  }

  @Test
  void invalidSettingsAreRefusedWithEveryReasonAndStoreNothing() {
    browser.open(base() + "/admin/enrichment/providers/email-domain");
    browser.fill("baseUrl", "ftp://mirror.example");
    browser.fill("requestsPerMinute", "-5");
    browser.fill("timeout", "soon");
    browser.click("save");

    browser.awaitElement("provider-problems");
    assertThat(browser.text("provider-problems"))
        .startsWith("Nothing was saved. What is wrong:")
        .contains("base-url: 'ftp://mirror.example' is not an absolute http or https URL")
        .contains("requests-per-minute: '-5' is not a whole number of 0 or more")
        .contains("timeout: 'soon' is not a duration above zero, such as 5s, 10m or 30d");
    assertThat(browser.value("timeout")).isEqualTo("soon");
    ProviderSettings unchanged = administration.find("email-domain").orElseThrow().settings();
    assertThat(unchanged.baseUrl()).isNull();
    assertThat(unchanged.requestsPerMinute()).isZero();
  }

  @Test
  void providersAreOrderedSwitchedOffAndRemoved() {
    administration.save(
        new ProviderAdministration.ProviderForm(
            "backup-domains", "email-domain", "", "", "", "", "", ""));
    browser.open(base() + "/admin/enrichment");
    assertThat(providerIds()).containsExactly("email-domain", "website", "backup-domains");

    browser.clickAndAwait(
        row("backup-domains").findElement(By.className("move-up")), "enrichment-notice");
    assertThat(providerIds()).containsExactly("email-domain", "backup-domains", "website");

    browser.clickAndAwait(
        row("email-domain").findElement(By.className("switch")), "enrichment-notice");
    assertThat(browser.text("enrichment-notice")).isEqualTo("Provider 'email-domain' disabled.");
    assertThat(row("email-domain").findElement(By.className("state")).getText())
        .isEqualTo("disabled");
    assertThat(administration.find("email-domain").orElseThrow().settings().enabled()).isFalse();

    row("backup-domains").findElement(By.className("edit")).click();
    browser.click("delete");
    browser.awaitElement("enrichment-notice");
    assertThat(providerIds()).containsExactly("email-domain", "website");
  }

  @Test
  void testLookupShowsWhatEachProviderReturnedAndWhatItBecomes() {
    browser.open(base() + "/admin/enrichment");
    browser.fill("test-email", "Grace.Hopper@Navy-Labs.example");
    browser.click("test");

    browser.awaitElement("trials");
    WebElement trial =
        browser.driver().findElement(By.cssSelector(".trial[data-provider='email-domain']"));
    assertThat(trial.findElement(By.className("outcome")).getText())
        .isEqualTo("email-domain: match");
    assertThat(finding(trial, "company_domain").findElement(By.className("becomes")).getText())
        .isEqualTo("company_domain = navy-labs.example");
    assertThat(finding(trial, "email_type").findElement(By.className("becomes")).getText())
        .isEqualTo("email_type = company");

    browser.fill("test-email", "not an address");
    browser.skipClientSideValidation();
    browser.click("test");
    browser.awaitElement("test-problem");
    assertThat(browser.text("test-problem")).isEqualTo("'not an address' is not an email address.");
  }

  @Test
  void jobsAreListedByStateAndAFailedOneRunsAgainOnRetry() {
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = 'enrich-user'").update();
    UserAccount waiting = signUp("waiting");
    UserAccount failed = signUp("failed");
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance = ?").param(failed.id()).update();
    jdbc.sql(
            """
            INSERT INTO enrichment_failure (user_id, job_trigger, attempts, reason, failed_at)
            VALUES (?, 'signup', 5, 'paid-people: error (503 Service Unavailable)', ?)""")
        .params(failed.id(), Instant.now().atOffset(ZoneOffset.UTC))
        .update();

    browser.open(base() + "/admin/enrichment/jobs");
    assertThat(browser.text("job-counts"))
        .isEqualTo("0 running · 1 waiting · 0 retrying · 1 failed");
    WebElement queued = jobRow("queued", waiting.id());
    assertThat(queued.findElement(By.className("state")).getText()).isEqualTo("waiting");
    assertThat(queued.getText()).contains(waiting.email(), "signup");
    WebElement gaveUp = jobRow("failed", failed.id());
    assertThat(gaveUp.findElement(By.className("reason")).getText())
        .isEqualTo("paid-people: error (503 Service Unavailable)");

    gaveUp.findElement(By.className("retry")).click();

    browser.awaitElement("jobs-notice");
    assertThat(browser.text("jobs-notice")).isEqualTo("The job runs again now.");
    assertThat(browser.has("no-failed")).isTrue();
    assertThat(jobs.queued(failed.id())).isTrue();
    assertThat(jobRow("queued", failed.id()).getText()).contains("retry");
  }

  @Test
  void costsShowCallsCacheHitsAndMatchesPerProviderAndDay() {
    String provider = "costs-" + UUID.randomUUID().toString().substring(0, 8);
    lookup(provider, "MATCH", false, 200);
    lookup(provider, "ERROR", false, 400);
    lookup(provider, "MATCH", true, 0);

    browser.open(base() + "/admin/enrichment/costs");

    WebElement today =
        browser
            .driver()
            .findElement(
                By.cssSelector(".provider-days[data-provider='" + provider + "'] tbody tr"));
    assertThat(today.findElement(By.className("calls")).getText()).isEqualTo("2");
    assertThat(today.findElement(By.className("cache-hits")).getText()).isEqualTo("1");
    assertThat(today.findElement(By.className("matches")).getText()).isEqualTo("2");
    assertThat(today.findElement(By.className("match-rate")).getText()).isEqualTo("66.7 %");
    assertThat(today.findElement(By.className("errors")).getText()).isEqualTo("1");
    assertThat(today.getText()).contains("300 ms");
  }

  @Test
  void userPageOffersAnotherEnrichmentAndShowsWhereAProviderDisagreesWithTheUser() {
    UserAccount user = signUp("disagrees");
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance = ?").param(user.id()).update();
    profiles.observe(new NewObservation(user.id(), "job_title", "CTO", Source.USER, 1));
    profiles.observe(
        new NewObservation(user.id(), "job_title", "Engineer", Source.enrichment("website"), 0.7));

    browser.open(base() + "/admin/users/" + user.id());
    WebElement title =
        browser.driver().findElement(By.cssSelector("#profile tr[data-attribute='job_title']"));
    assertThat(title.findElement(By.className("value")).getText()).isEqualTo("CTO");
    assertThat(title.findElement(By.className("disagreement")).getText())
        .isEqualTo("enrichment:website says Engineer (0.70)");
    assertThat(browser.has("disagreements")).isTrue();
    assertThat(browser.text("enrichment-state")).isEqualTo("Never looked up.");

    browser.click("enrich-again");

    browser.awaitElement("user-notice");
    assertThat(browser.text("user-notice"))
        .isEqualTo("An enrichment is queued; it runs in a moment.");
    assertThat(browser.text("enrichment-state")).startsWith("An enrichment is queued.");
    assertThat(jobs.queued(user.id())).isTrue();
  }

  @Test
  void enrichAgainIsRefusedWithANoticeForAUserWhoObjected() {
    UserAccount user = signUp("objected");
    choices.object(user.id());

    browser.open(base() + "/admin/users/" + user.id());
    assertThat(browser.text("enrichment-not-looked-up"))
        .isEqualTo("Not looked up: the user objected to being looked up, or withdrew consent.");
    browser.click("enrich-again");

    browser.awaitElement("user-notice");
    assertThat(browser.text("user-notice"))
        .isEqualTo(
            "Not queued: the user objected to being looked up, or withdrew consent. Nothing is"
                + " looked up.");
    assertThat(jobs.queued(user.id())).isFalse();
  }

  private void lookup(String provider, String outcome, boolean cacheHit, int durationMs) {
    jdbc.sql(
            """
            INSERT INTO enrichment_lookup
              (provider_id, subject_kind, user_id, outcome, cache_hit, duration_ms, occurred_at)
            VALUES (?, 'PERSON', NULL, ?, ?, ?, ?)""")
        .params(provider, outcome, cacheHit, durationMs, Instant.now().atOffset(ZoneOffset.UTC))
        .update();
  }

  private UserAccount signUp(String purpose) {
    return accounts.signUp(
        purpose + "-" + UUID.randomUUID() + "@example.com",
        "Analytical-Engine-1843",
        base(),
        Locale.ENGLISH,
        "127.0.0.1");
  }

  private List<String> providerIds() {
    return browser.driver().findElements(By.cssSelector("#providers tbody tr")).stream()
        .map(row -> row.getDomAttribute("data-provider"))
        .toList();
  }

  private WebElement row(String providerId) {
    return browser
        .driver()
        .findElement(By.cssSelector("#providers tr[data-provider='" + providerId + "']"));
  }

  private static WebElement finding(WebElement trial, String attribute) {
    return trial.findElement(By.cssSelector("tr[data-attribute='" + attribute + "']"));
  }

  private WebElement jobRow(String table, String userId) {
    return browser
        .driver()
        .findElement(By.cssSelector("#" + table + " tr[data-user='" + userId + "']"));
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
