package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressProperties;
import io.rapport.platform.testing.LoopbackServer;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.ProfileService;
import io.rapport.profile.ProfileValue;
import io.rapport.profile.Source;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sign-ups from a company domain enriched by the default providers, email-domain then website, over
 * the real database, with the company's home page served on loopback.
 */
@RapportAppTest
class WebsiteEnrichmentTest {

  private static final String PASSWORD = "Analytical-Engine-1843";

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
  @Autowired EmailDomainProviderType emailDomain;

  private final LoopbackServer server = new LoopbackServer();
  private Egress egress;
  private EnrichmentPipeline pipeline;
  private String domain;

  @BeforeEach
  void pipelineWithTheCompanysSiteOnLoopback() {
    domain = "acme-widgets-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    server.on("/", exchange -> WebsiteProviderTest.serve(exchange, "acme-widgets.html"));
    egress = new Egress(new EgressProperties(false, Map.of(domain, server.url())));
    pipeline =
        new EnrichmentPipeline(
            userAccounts,
            profiles,
            domains,
            new Providers(store, List.of(emailDomain, new WebsiteProviderType(egress))),
            cache,
            ledger,
            caller,
            properties,
            catalog,
            consent);
  }

  @AfterEach
  void stopTheSite() throws IOException {
    server.close();
    egress.close();
  }

  @Test
  void everyInstallationHasTheWebsiteProviderAfterTheEmailDomainOne() {
    assertThat(store.list())
        .filteredOn(settings -> settings.id().equals("website"))
        .singleElement()
        .satisfies(
            website -> {
              assertThat(website.type()).isEqualTo(WebsiteProviderType.TYPE);
              assertThat(website.position()).isEqualTo(10);
              assertThat(website.enabled()).isTrue();
            });
  }

  @Test
  void aSignUpFromACompanyDomainGetsTheCompanyFromItsWebsite() {
    UserAccount user = signUp("jane@" + domain);

    EnrichmentRun run = pipeline.enrich(user.id()).orElseThrow();

    assertThat(run.providers())
        .extracting(ProviderRun::providerId, ProviderRun::outcome)
        .containsExactly(
            tuple("email-domain", LookupOutcome.MATCH), tuple("website", LookupOutcome.MATCH));
    Map<String, ProfileValue> values = profiles.profileOf(user.id()).values();
    assertThat(values.get("company_name").value()).isEqualTo("Acme Widgets GmbH");
    assertThat(values.get("company_name").effective().source())
        .isEqualTo(Source.enrichment("website"));
    assertThat(values.get("company_name").effective().confidence()).isEqualTo(0.85);
    assertThat(values.get("company_logo").value())
        .isEqualTo("https://" + domain + "/assets/acme-logo.svg");
    assertThat(values.get("company_linkedin").value())
        .isEqualTo("https://www.linkedin.com/company/acme-widgets/");
    assertThat(values.get("company_description").value()).startsWith("Acme Widgets makes");
    assertThat(values.get("company_website").value()).isEqualTo("https://" + domain + "/");
  }

  @Test
  void twoUsersOfOneDomainCostOneFetch() {
    UserAccount jane = signUp("jane@" + domain);
    UserAccount john = signUp("john@" + domain);

    pipeline.enrich(jane.id());
    EnrichmentRun second = pipeline.enrich(john.id()).orElseThrow();

    assertThat(server.requestsTo("/")).isEqualTo(1);
    assertThat(second.providers().get(1).cacheHit()).isTrue();
    assertThat(profiles.profileOf(john.id()).value("company_name")).contains("Acme Widgets GmbH");
  }

  @Test
  void aFreeMailAddressCostsNoFetch() {
    UserAccount user = signUp("jane." + UUID.randomUUID() + "@gmail.com");

    EnrichmentRun run = pipeline.enrich(user.id()).orElseThrow();

    assertThat(run.providers().get(1).outcome()).as("not asked").isNull();
    assertThat(server.received).isEmpty();
  }

  /** The row V5__website_provider.sql writes, for tests that turn it off and on again. */
  static ProviderSettings defaultWebsiteRow(boolean enabled) {
    return new ProviderSettings(
        "website",
        WebsiteProviderType.TYPE,
        10,
        enabled,
        null,
        null,
        0,
        ProviderSettings.DEFAULT_TIMEOUT,
        0,
        ProviderSettings.DEFAULT_CACHE);
  }

  private UserAccount signUp(String email) {
    return accounts.signUp(email, PASSWORD, "http://localhost", Locale.ENGLISH, "127.0.0.1");
  }
}
