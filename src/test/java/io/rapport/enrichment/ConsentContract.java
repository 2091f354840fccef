package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.rapport.identity.AccountEvents;
import io.rapport.identity.AccountService;
import io.rapport.identity.SignupFormExtension;
import io.rapport.identity.SignupFormExtension.SignupRequest;
import io.rapport.identity.UserAccount;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Consent for enrichment, the same on H2 and PostgreSQL: who gets a job under each basis and with
 * excluded regions, and what objecting deletes and stops. Sign-ups go through the sign-up form's
 * consent field as the form does ({@link ConsentSignupField}), ticked or not.
 */
abstract class ConsentContract {

  private static final String PASSWORD = "Analytical-Engine-1843";

  @Autowired AccountService accounts;
  @Autowired ConsentSignupField consentField;
  @Autowired ConsentPolicyStore policies;
  @Autowired ConsentChoices choices;
  @Autowired EnrichmentJobs jobs;
  @Autowired EnrichmentRequests requests;
  @Autowired EnrichmentPipeline pipeline;
  @Autowired EnrichmentProperties properties;
  @Autowired LookupCache cache;
  @Autowired EmailDomains domains;
  @Autowired LookupLedger ledger;
  @Autowired ProfileService profiles;
  @Autowired ApplicationEventPublisher events;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  /** Other tests share the database: back to the policy of an installation without a file. */
  @AfterEach
  void policyOfTheProperties() {
    policies.declare(null, null);
  }

  @Test
  void underTheConsentBasisASignUpWithoutTheTickGetsNoJobAndOneWithItDoes() {
    policies.declare(EnrichmentBasis.CONSENT, null);

    UserAccount unticked = signUp("unticked", "firm.example", Locale.ENGLISH, false);
    UserAccount ticked = signUp("ticked", "firm.example", Locale.ENGLISH, true);

    assertThat(jobs.queued(unticked.id())).isFalse();
    assertThat(jobs.queued(ticked.id())).isTrue();
    assertThat(choices.state(unticked.id()).choice()).isEqualTo(ConsentChoice.NONE);
    assertThat(choices.state(ticked.id()).choice()).isEqualTo(ConsentChoice.AGREED);
    assertThat(
            jdbc.sql("SELECT basis, source FROM enrichment_consent WHERE user_id = ?")
                .param(ticked.id())
                .query((row, n) -> row.getString("basis") + "/" + row.getString("source"))
                .single())
        .isEqualTo("consent/signup");
    events.publishEvent(new AccountEvents.EmailVerified(unticked.id()));
    events.publishEvent(new AccountEvents.SignedIn(unticked.id()));
    assertThat(jobs.queued(unticked.id())).isFalse();
  }

  @Test
  void underLegitimateInterestEveryoneGetsAJobWithoutATick() {
    UserAccount user = signUp("interest", "firm.example", Locale.ENGLISH, false);

    assertThat(jobs.queued(user.id())).isTrue();
  }

  @Test
  void usersInAnExcludedRegionGetNoJobByDomainLanguageOrDeclaredCountry() {
    policies.declare(null, List.of("EU"));

    UserAccount germanDomain = signUp("de", "firm.de", Locale.ENGLISH, false);
    UserAccount britishDomain = signUp("uk", "firm.co.uk", Locale.ENGLISH, false);
    UserAccount austrianLanguage = signUp("at", "firm.com", Locale.forLanguageTag("de-AT"), false);
    UserAccount nothingTells = signUp("com", "firm.com", Locale.GERMAN, false);
    UserAccount saysUnitedStates = signUpDeclaring("us", "firm.de", "US");

    assertThat(jobs.queued(germanDomain.id())).isFalse();
    assertThat(jobs.queued(austrianLanguage.id())).isFalse();
    assertThat(jobs.queued(britishDomain.id())).isTrue();
    assertThat(jobs.queued(nothingTells.id())).isTrue();
    assertThat(jobs.queued(saysUnitedStates.id())).isTrue();
    assertThatThrownBy(() -> requests.request(germanDomain.id()))
        .isInstanceOf(EnrichmentRefusedException.class)
        .extracting(e -> ((EnrichmentRefusedException) e).refusal())
        .isEqualTo(EnrichmentConsent.Refusal.EXCLUDED_REGION);
  }

  @Test
  void objectingDeletesThePersonsCacheRowsEnrichmentObservationsAndQueuedJob() {
    UserAccount user = signUp("objects", "objecting-firm.example", Locale.ENGLISH, false);
    Lookup lookup = new Lookup(user.email(), domains.classify(user.email()));
    String personKey = LookupCache.keyOf(Subject.PERSON, lookup);
    String companyKey = LookupCache.keyOf(Subject.COMPANY, lookup);
    LookupResult found = LookupResult.match(List.of(new Finding("job_title", "CTO", 0.9)));
    cache.store("paid-people", Subject.PERSON, personKey, found, Duration.ofDays(30));
    cache.store("paid-companies", Subject.COMPANY, companyKey, found, Duration.ofDays(30));
    profiles.observe(
        new NewObservation(user.id(), "job_title", "CTO", Source.enrichment("paid-people"), 0.9));
    profiles.observe(new NewObservation(user.id(), "job_role", "engineering", Source.USER, 1));
    assertThat(jobs.queued(user.id())).isTrue();

    choices.object(user.id());

    assertThat(jobs.queued(user.id())).isFalse();
    assertThat(cache.find("paid-people", Subject.PERSON, personKey)).isEmpty();
    assertThat(cache.find("paid-companies", Subject.COMPANY, companyKey)).isPresent();
    assertThat(profiles.profileOf(user.id()).values()).containsOnlyKeys("job_role");
    assertThat(choices.state(user.id()).lookedUp()).isFalse();
  }

  @Test
  void afterAnObjectionNoTriggerQueuesAndAJobQueuedBeforeDoesNothing() {
    UserAccount user = signUp("objected", "objected-firm.example", Locale.ENGLISH, false);
    choices.object(user.id());

    events.publishEvent(new AccountEvents.SignedIn(user.id()));
    events.publishEvent(new AccountEvents.EmailVerified(user.id()));
    assertThat(jobs.queued(user.id())).isFalse();
    assertThatThrownBy(() -> requests.request(user.id()))
        .isInstanceOf(EnrichmentRefusedException.class)
        .hasMessageContaining("objected");
    assertThat(requests.status(user.id()).notLookedUp()).contains("objected");

    // As a job queued on another node a moment before the objection, and not yet removed:
    jobs.enqueue(user.id(), EnrichmentTriggers.SIGNUP);
    try (JobNodes node = new JobNodes().start(1, dataSource, pipeline, properties)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> !jobs.queued(user.id()));
    }

    assertThat(ledger.lastLookup(user.id())).isEmpty();
    assertThat(profiles.profileOf(user.id()).values()).isEmpty();
  }

  @Test
  void takingTheObjectionBackLetsTheNextTriggerQueueAJob() {
    UserAccount user = signUp("changes-mind", "firm.example", Locale.ENGLISH, false);
    choices.object(user.id());

    choices.agree(user.id());
    events.publishEvent(new AccountEvents.SignedIn(user.id()));

    assertThat(jobs.queued(user.id())).isTrue();
    assertThat(
            jdbc.sql("SELECT choice FROM enrichment_consent WHERE user_id = ? ORDER BY id")
                .param(user.id())
                .query(String.class)
                .list())
        .containsExactly("NONE", "OBJECTED", "AGREED");
  }

  private UserAccount signUp(String name, String domain, Locale locale, boolean tick) {
    String email = name + "." + UUID.randomUUID() + "@" + domain;
    SignupFormExtension.Checked checked =
        consentField.check(
            new SignupRequest(locale, null),
            tick ? Map.of(ConsentSignupField.FIELD, List.of(ConsentSignupField.AGREED)) : Map.of());
    return accounts.signUp(
        email,
        PASSWORD,
        "http://localhost",
        locale,
        "127.0.0.1",
        created -> consentField.store(created.id(), checked));
  }

  /** As a sign-up question asking for the country would store it, before the trigger runs. */
  private UserAccount signUpDeclaring(String name, String domain, String country) {
    String email = name + "." + UUID.randomUUID() + "@" + domain;
    SignupFormExtension.Checked checked =
        consentField.check(new SignupRequest(Locale.ENGLISH, null), Map.of());
    return accounts.signUp(
        email,
        PASSWORD,
        "http://localhost",
        Locale.ENGLISH,
        "127.0.0.1",
        created -> {
          profiles.observe(
              new NewObservation(created.id(), UserRegion.COUNTRY, country, Source.USER, 1));
          consentField.store(created.id(), checked);
        });
  }
}
