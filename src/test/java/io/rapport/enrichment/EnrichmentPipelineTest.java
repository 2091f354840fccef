package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.ProfileValue;
import io.rapport.profile.Source;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The waterfall over a real database: the email-domain provider, then a counting stand-in for a
 * paid company provider, with the cache, the accounting and the observations they leave.
 */
@RapportAppTest
class EnrichmentPipelineTest {

  private static final String PASSWORD = "Analytical-Engine-1843";

  @Autowired EnrichmentConsent consent;
  @Autowired AccountService accounts;
  @Autowired UserAccounts userAccounts;
  @Autowired ProfileService profiles;
  @Autowired EmailDomains domains;
  @Autowired ProviderStore store;
  @Autowired LookupCache cache;
  @Autowired LookupLedger ledger;
  @Autowired ProviderCaller caller;
  @Autowired EnrichmentProperties properties;
  @Autowired EmailDomainProviderType emailDomain;
  @Autowired EnrichmentJobs jobs;
  @Autowired JdbcClient jdbc;
  @Autowired AttributeCatalog catalog;

  private final CountingProviderType companies =
      new CountingProviderType(Subject.COMPANY, CountingProviderType::company);
  private EnrichmentPipeline pipeline;
  private String domain;

  @BeforeEach
  void pipelineWithAPaidCompanyProvider() {
    // The default website provider is not among this pipeline's types: off, not skipped noisily.
    store.save(WebsiteEnrichmentTest.defaultWebsiteRow(false), "default");
    store.save(CountingProviderType.settings("paid-companies", 10), "test");
    pipeline =
        new EnrichmentPipeline(
            userAccounts,
            profiles,
            domains,
            new Providers(store, List.of(emailDomain, companies)),
            cache,
            ledger,
            caller,
            properties,
            catalog,
            consent);
    domain = "firm-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  @AfterEach
  void keepOnlyTheDefaultProviders() {
    InstalledProviders.restore(store);
  }

  @Test
  void signUpQueuesAJobForTheNewUser() {
    UserAccount user = signUp("jane@" + domain);

    assertThat(jobs.queued(user.id())).isTrue();
  }

  @Test
  void findingsBecomeObservationsOfTheirProviderWithTheirConfidence() {
    UserAccount user = signUp("jane@" + domain);

    EnrichmentRun run = pipeline.enrich(user.id()).orElseThrow();

    assertThat(run.providers())
        .extracting(ProviderRun::providerId, ProviderRun::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("email-domain", LookupOutcome.MATCH),
            org.assertj.core.groups.Tuple.tuple("paid-companies", LookupOutcome.MATCH));
    ProfileValue type = profiles.profileOf(user.id()).values().get("email_type");
    assertThat(type.value()).isEqualTo("company");
    assertThat(type.effective().source()).isEqualTo(Source.enrichment("email-domain"));
    ProfileValue size = profiles.profileOf(user.id()).values().get("company_size");
    assertThat(size.value()).isEqualTo("250");
    assertThat(size.effective().source()).isEqualTo(Source.enrichment("paid-companies"));
    assertThat(size.effective().confidence()).isEqualTo(0.85);
  }

  @Test
  void aHundredSignUpsFromOneCompanyCostOneCompanyLookup() {
    for (int i = 0; i < 100; i++) {
      pipeline.enrich(signUp("person" + i + "@" + domain).id());
    }

    assertThat(companies.calls).hasValue(1);
    assertThat(lookups("paid-companies", true)).isEqualTo(99);
    assertThat(lookups("paid-companies", false)).isEqualTo(1);
  }

  @Test
  void freeMailAndDisposableAddressesNeverCostACompanyLookup() {
    UserAccount gmail = signUp("jane." + UUID.randomUUID() + "@gmail.com");
    UserAccount disposable = signUp("jane." + UUID.randomUUID() + "@mailinator.com");

    EnrichmentRun run = pipeline.enrich(gmail.id()).orElseThrow();
    pipeline.enrich(disposable.id());

    assertThat(companies.calls).hasValue(0);
    assertThat(run.providers().get(1).outcome()).as("not asked").isNull();
    assertThat(profiles.profileOf(disposable.id()).value("email_type")).contains("disposable");
  }

  @Test
  void theWaterfallStopsOnceTheWantedAttributesAreKnown() {
    UserAccount user = signUp("jane@" + domain);
    for (String key : properties.wantedAttributes()) {
      String value = key.equals("company_size") ? "12" : key.equals("country") ? "DE" : "x";
      profiles.observe(new NewObservation(user.id(), key, value, Source.USER, 1.0));
    }

    EnrichmentRun run = pipeline.enrich(user.id()).orElseThrow();

    assertThat(run.complete()).isTrue();
    assertThat(run.providers()).isEmpty();
    assertThat(companies.calls).hasValue(0);
  }

  @Test
  void whatTheUserDeclaredStaysTheProfilesValue() {
    UserAccount user = signUp("jane@" + domain);
    profiles.observe(new NewObservation(user.id(), "company_name", "Jane's Firm", Source.USER, 1));

    pipeline.enrich(user.id());

    ProfileValue name = profiles.profileOf(user.id()).values().get("company_name");
    assertThat(name.value()).isEqualTo("Jane's Firm");
    assertThat(name.observations()).hasSize(2);
  }

  @Test
  void enrichingAgainAddsNoObservationWhenNothingChanged() {
    UserAccount user = signUp("jane@" + domain);
    pipeline.enrich(user.id());
    int before = observations(user);

    EnrichmentRun again = pipeline.enrich(user.id()).orElseThrow();

    assertThat(observations(user)).isEqualTo(before);
    assertThat(again.providers()).allMatch(run -> run.stored() == 0);
  }

  @Test
  void errorsAreNotCachedAndAskToBeRetried() {
    companies.answer(lookup -> LookupResult.error("HTTP 503", Duration.ofSeconds(30)));
    UserAccount first = signUp("jane@" + domain);

    EnrichmentRun failed = pipeline.enrich(first.id()).orElseThrow();
    companies.answer(CountingProviderType::company);
    pipeline.enrich(signUp("john@" + domain).id());

    assertThat(failed.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(companies.calls).hasValue(2);
    assertThat(lookups("paid-companies", false)).isEqualTo(2);
  }

  @Test
  void findingsTheCatalogRefusesAreDroppedAndTheRestStored() {
    companies.answer(
        lookup ->
            LookupResult.match(
                List.of(
                    new Finding("no_such_attribute", "x", 0.9),
                    new Finding("company_size", "about twelve", 0.9),
                    new Finding("industry", "Software", 0.9))));
    UserAccount user = signUp("jane@" + domain);

    EnrichmentRun run = pipeline.enrich(user.id()).orElseThrow();

    assertThat(run.providers().get(1).stored()).isEqualTo(1);
    assertThat(profiles.profileOf(user.id()).value("industry")).contains("Software");
    assertThat(profiles.profileOf(user.id()).value("company_size")).isEmpty();
  }

  @Test
  void concurrentLookupsOfOneCompanyMakeOneCall() throws Exception {
    UserAccount first = signUp("jane@" + domain);
    UserAccount second = signUp("john@" + domain);
    CountDownLatch release = companies.hold();

    CompletableFuture<?> one = CompletableFuture.runAsync(() -> pipeline.enrich(first.id()));
    CompletableFuture<?> two = CompletableFuture.runAsync(() -> pipeline.enrich(second.id()));
    while (companies.calls.get() == 0) {
      Thread.onSpinWait();
    }
    release.countDown();
    CompletableFuture.allOf(one, two).get();

    assertThat(companies.calls).hasValue(1);
    assertThat(profiles.profileOf(second.id()).value("company_size")).contains("250");
  }

  private UserAccount signUp(String email) {
    return accounts.signUp(email, PASSWORD, "http://localhost", Locale.ENGLISH, "127.0.0.1");
  }

  private int lookups(String providerId, boolean cacheHit) {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM enrichment_lookup l JOIN user_account u ON u.id = l.user_id
            WHERE l.provider_id = ? AND l.cache_hit = ? AND u.email LIKE ?""")
        .params(providerId, cacheHit, "%@" + domain)
        .query(Integer.class)
        .single();
  }

  private int observations(UserAccount user) {
    return jdbc.sql("SELECT COUNT(*) FROM observation WHERE user_id = ?")
        .param(user.id())
        .query(Integer.class)
        .single();
  }
}
