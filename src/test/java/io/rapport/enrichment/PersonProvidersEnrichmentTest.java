package io.rapport.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.rapport.enrichment.PeopleDataLabsProviderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.AuditLog;
import io.rapport.platform.RapportProperties;
import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressProperties;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.NewObservation;
import io.rapport.profile.Observation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.ProfileValue;
import io.rapport.profile.Source;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People Data Labs and FullContact through the whole application: their answers, from WireMock on
 * loopback, become observations of a user's profile that the catalog takes; FullContact's webhook
 * mode sends the lookup's callback URL and its later POST to the application's callback endpoint is
 * stored as the answer, once.
 */
@RapportAppTest
class PersonProvidersEnrichmentTest {

  @Autowired AccountService accounts;
  @Autowired UserAccounts userAccounts;
  @Autowired ProfileService profiles;
  @Autowired EmailDomains domains;
  @Autowired ProviderStore store;
  @Autowired LookupCache cache;
  @Autowired LookupLedger ledger;
  @Autowired ProviderLimits limits;
  @Autowired AuditLog audit;
  @Autowired EnrichmentProperties properties;
  @Autowired AttributeCatalog catalog;
  @Autowired EnrichmentConsent consent;
  @Autowired EmailDomainProviderType emailDomain;
  @Autowired RapportProperties rapport;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private final WireMockServer services =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http = HttpClient.newHttpClient();
  private Egress egress;
  private EnrichmentPipeline pipeline;

  @BeforeEach
  void start() {
    services.start();
    String target = "http://127.0.0.1:" + services.port();
    egress =
        new Egress(
            new EgressProperties(
                false, Map.of("api.peopledatalabs.com", target, "api.fullcontact.com", target)));
    CallbackRegistry callbacks =
        new CallbackRegistry(
            jdbc,
            Clock.systemUTC(),
            new WebhookProperties("http://127.0.0.1:" + port, Duration.ofDays(1)),
            rapport);
    pipeline =
        new EnrichmentPipeline(
            userAccounts,
            profiles,
            domains,
            new Providers(
                store,
                List.of(
                    emailDomain,
                    new PeopleDataLabsProviderType(egress),
                    new FullContactProviderType(egress))),
            cache,
            ledger,
            new ProviderCaller(limits, new ProviderCircuits(Clock.systemUTC()), store, audit),
            properties,
            catalog,
            consent,
            callbacks);
  }

  @AfterEach
  void stop() throws IOException {
    services.stop();
    egress.close();
    InstalledProviders.restore(store);
  }

  @Test
  void everyPeopleDataLabsFindingIsTakenByTheCatalogAndWhatTheUserDeclaredStays() {
    String id = "pdl-" + suffix;
    store.save(settings(id, PeopleDataLabsProviderType.TYPE), "test");
    services.stubFor(
        get(urlPathEqualTo("/v5/person/enrich"))
            .willReturn(json(200, PeopleDataLabsProviderTest.fixture("person.json"))));
    UserAccount user = signUp();
    profiles.observe(
        new NewObservation(user.id(), "job_title", "Head of Platform", Source.USER, 1.0));

    ProviderRun run = runOf(pipeline.enrich(user.id()).orElseThrow(), id);

    assertThat(run.outcome()).isEqualTo(LookupOutcome.MATCH);
    List<Observation> fromPdl = observationsFrom(user, id);
    assertThat(fromPdl).as("none dropped by the catalog").hasSize(run.result().findings().size());
    assertThat(fromPdl)
        .extracting(Observation::attributeKey, Observation::value)
        .contains(
            tuple("company_name", "acme analytics"),
            tuple("company_size", "201"),
            tuple("country", "DE"),
            tuple("seniority", "vp"));
    Map<String, ProfileValue> values = profiles.profileOf(user.id()).values();
    assertThat(values.get("job_title").value()).isEqualTo("Head of Platform");
    assertThat(values.get("city").value()).isEqualTo("Leipzig");
  }

  @Test
  void aStormOf429sPutsEachLookupOffAndStoresNothing() {
    String id = "pdl-" + suffix;
    store.save(settings(id, PeopleDataLabsProviderType.TYPE), "test");
    services.stubFor(
        get(urlPathEqualTo("/v5/person/enrich"))
            .willReturn(
                json(429, "{\"status\": 429, \"error\": {\"type\": \"rate_limit_error\"}}")
                    .withHeader("Retry-After", "30")));

    List<ProviderRun> runs =
        java.util.stream.IntStream.range(0, ProviderCircuits.MINIMUM_CALLS + 3)
            .mapToObj(i -> signUp("storm-" + i))
            .map(user -> runOf(pipeline.enrich(user.id()).orElseThrow(), id))
            .toList();

    assertThat(services.getAllServeEvents())
        .as("a 429 is the service pacing its callers: it opens no circuit")
        .hasSize(ProviderCircuits.MINIMUM_CALLS + 3);
    assertThat(runs)
        .allSatisfy(
            run -> {
              assertThat(run.outcome()).isEqualTo(LookupOutcome.ERROR);
              assertThat(run.result().retryAfter()).isEqualTo(Duration.ofSeconds(30));
              assertThat(run.result().throttled()).isTrue();
              assertThat(run.stored()).isZero();
            });
    assertThat(store.list().stream().filter(settings -> settings.id().equals(id)))
        .singleElement()
        .extracting(ProviderSettings::enabled)
        .as("a 429 is not a refused key")
        .isEqualTo(true);
  }

  @Test
  void fullContactAnswersByWebhookAndTheAnswerIsStoredOnce() throws Exception {
    String id = "fullcontact-" + suffix;
    store.save(settings(id, FullContactProviderType.TYPE), "test");
    services.stubFor(
        post(urlPathEqualTo("/v3/person.enrich"))
            .willReturn(
                json(
                    202,
                    "{\"status\": 202, \"message\": \"Queued for search. Your response will be"
                        + " sent to your webhook shortly.\"}")));
    UserAccount user = signUp();

    ProviderRun queued = runOf(pipeline.enrich(user.id()).orElseThrow(), id);

    assertThat(queued.outcome()).isEqualTo(LookupOutcome.QUEUED);
    String webhookUrl = webhookUrlSent();
    assertThat(webhookUrl).startsWith("http://127.0.0.1:" + port + "/enrichment/callbacks/");

    String person = FullContactProviderTest.fixture("person.json");
    assertThat(postTo(webhookUrl, person)).isEqualTo(204);
    assertThat(postTo(webhookUrl, person)).as("a second delivery").isEqualTo(409);
    assertThat(
            postTo(
                webhookUrl.substring(0, webhookUrl.lastIndexOf('/') + 1) + "x".repeat(43), person))
        .as("a wrong secret")
        .isEqualTo(404);

    assertThat(observationsFrom(user, id))
        .extracting(Observation::attributeKey, Observation::value, Observation::confidence)
        .contains(
            tuple("company_name", "Acme Analytics", 0.8),
            tuple("job_title", "VP Engineering", 0.8),
            tuple("country", "DE", 0.75),
            tuple("linkedin", "https://www.linkedin.com/in/ada-quinlan", 0.9));

    ProviderRun again = runOf(pipeline.enrich(user.id()).orElseThrow(), id);
    assertThat(again.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(again.cacheHit()).as("the webhook's answer is in the cache").isTrue();
    services.verify(1, postRequestedFor(urlPathEqualTo("/v3/person.enrich")));
  }

  @Test
  void anUnreadableWebhookStoresNothingAndTheLookupStaysOpen() throws Exception {
    String id = "fullcontact-" + suffix;
    store.save(settings(id, FullContactProviderType.TYPE), "test");
    services.stubFor(
        post(urlPathEqualTo("/v3/person.enrich")).willReturn(json(202, "{\"status\": 202}")));
    UserAccount user = signUp();
    pipeline.enrich(user.id());
    String webhookUrl = webhookUrlSent();

    assertThat(postTo(webhookUrl, "<html>not json</html>")).isEqualTo(400);
    assertThat(observationsFrom(user, id)).isEmpty();
    assertThat(postTo(webhookUrl, "{\"status\": 404, \"message\": \"Profile not found\"}"))
        .as("still open: a later, readable answer is taken")
        .isEqualTo(204);
  }

  private String webhookUrlSent() {
    String body =
        services.getAllServeEvents().stream()
            .filter(event -> event.getRequest().getUrl().startsWith("/v3/person.enrich"))
            .findFirst()
            .orElseThrow()
            .getRequest()
            .getBodyAsString();
    return tools.jackson.databind.json.JsonMapper.builder()
        .build()
        .readTree(body)
        .get("webhookUrl")
        .asString();
  }

  private int postTo(String url, String body) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private List<Observation> observationsFrom(UserAccount user, String providerId) {
    return profiles.profileOf(user.id()).values().values().stream()
        .flatMap(value -> value.observations().stream())
        .filter(observation -> observation.source().equals(Source.enrichment(providerId)))
        .toList();
  }

  private static ProviderRun runOf(EnrichmentRun run, String providerId) {
    return run.providers().stream()
        .filter(provider -> provider.providerId().equals(providerId))
        .findFirst()
        .orElseThrow();
  }

  private UserAccount signUp() {
    return signUp("ada.quinlan");
  }

  private UserAccount signUp(String localPart) {
    String email = localPart + "@analytics-" + suffix + ".example";
    return accounts.signUp(
        email, "Analytical-Engine-1843", "http://localhost", Locale.ENGLISH, "127.0.0.1");
  }

  private static ProviderSettings settings(String id, String type) {
    return new ProviderSettings(
        id,
        type,
        30,
        true,
        null,
        "test-key-0123456789",
        0,
        Duration.ofSeconds(5),
        0,
        ProviderSettings.DEFAULT_CACHE);
  }
}
