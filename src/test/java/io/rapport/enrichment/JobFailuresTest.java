package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.ProfileService;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job whose provider keeps failing gives up after its last try, is listed as failed with the
 * provider's reason, and runs again when an administrator retries it.
 */
@RapportAppTest
class JobFailuresTest {

  @Autowired EnrichmentConsent consent;
  @Autowired AccountService accounts;
  @Autowired UserAccounts userAccounts;
  @Autowired ProfileService profiles;
  @Autowired EmailDomains domains;
  @Autowired ProviderStore store;
  @Autowired LookupCache cache;
  @Autowired LookupLedger ledger;
  @Autowired EnrichmentProperties properties;
  @Autowired ProviderCaller caller;
  @Autowired AttributeCatalog catalog;
  @Autowired EnrichmentJobs jobs;
  @Autowired EnrichmentJobList jobList;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  private final CountingProviderType failing =
      new CountingProviderType(
          Subject.COMPANY,
          lookup -> LookupResult.error("503 Service Unavailable", Duration.ofMillis(10)));

  @AfterEach
  void keepOnlyTheDefaultProvider() {
    InstalledProviders.restore(store);
  }

  @Test
  void jobThatKeepsFailingIsListedWithTheReasonAndRunsAgainWhenRetried() {
    // Jobs other tests queued would run on this node too, against the failing provider.
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = ?").param(EnrichmentJobs.TASK).update();
    store.save(CountingProviderType.settings("flaky-companies", 20), "test");
    EnrichmentPipeline pipeline =
        new EnrichmentPipeline(
            userAccounts,
            profiles,
            domains,
            new Providers(store, List.of(failing)),
            cache,
            ledger,
            caller,
            properties,
            catalog,
            consent);
    UserAccount user =
        accounts.signUp(
            "ops-" + UUID.randomUUID() + "@flaky-" + UUID.randomUUID() + ".example",
            "Analytical-Engine-1843",
            "http://localhost",
            Locale.ENGLISH,
            "127.0.0.1");

    try (JobNodes node = new JobNodes().start(1, dataSource, pipeline, fewTries())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> failedJob(user.id()) != null);
    }

    EnrichmentJobList.Job failed = failedJob(user.id());
    assertThat(failed.attempt()).isEqualTo(2);
    assertThat(failed.trigger()).isEqualTo("signup");
    assertThat(failed.reason()).isEqualTo("flaky-companies: error (503 Service Unavailable)");
    assertThat(failed.email()).isEqualTo(user.email());
    assertThat(failing.calls).hasValue(2);
    assertThat(jobs.queued(user.id())).isFalse();

    assertThat(jobs.retryNow(user.id())).isTrue();

    assertThat(jobs.queued(user.id())).isTrue();
    assertThat(failedJob(user.id())).isNull();
    assertThat(jobList.queued(10_000))
        .filteredOn(job -> job.userId().equals(user.id()))
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.trigger()).isEqualTo(EnrichmentJobs.RETRY);
              assertThat(job.attempt()).isEqualTo(1);
            });
  }

  @Test
  void retryingAJobThatIsNeitherQueuedNorFailedSaysSo() {
    assertThat(jobs.retryNow(UUID.randomUUID().toString())).isFalse();
  }

  /** Two tries a short time apart. */
  private EnrichmentProperties fewTries() {
    return new EnrichmentProperties(
        true,
        1,
        properties.pollingInterval(),
        properties.wantedAttributes(),
        properties.enoughConfidence(),
        Duration.ofMillis(50),
        2,
        properties.refreshAfter(),
        properties.rateLimitWait(),
        EnrichmentBasis.LEGITIMATE_INTEREST,
        List.of());
  }

  private EnrichmentJobList.Job failedJob(String userId) {
    return jobList.failed(10_000).stream()
        .filter(job -> job.userId().equals(userId))
        .findFirst()
        .orElse(null);
  }
}
