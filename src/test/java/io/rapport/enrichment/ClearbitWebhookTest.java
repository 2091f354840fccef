package io.rapport.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.RapportProperties;
import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressProperties;
import io.rapport.platform.testing.PageClient;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.ProfileService;
import io.rapport.profile.ProfileValue;
import io.rapport.profile.Source;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Clearbit's asynchronous answer end to end: a lookup Clearbit queues is given a callback URL on
 * this running application, and Clearbit (WireMock on loopback) later POSTs the answer there.
 */
@RapportAppTest
class ClearbitWebhookTest {

  private static final String PASSWORD = "Analytical-Engine-1843";

  @LocalServerPort int port;
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
  @Autowired EnrichmentConsent consent;
  @Autowired EmailDomainProviderType emailDomain;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired RapportProperties rapport;
  @Autowired ProviderLimits limits;
  @Autowired io.rapport.platform.AuditLog audit;

  private final WireMockServer clearbit = new WireMockServer(options().dynamicPort());
  private final Egress egress = new Egress(new EgressProperties(true, Map.of()));
  private final HttpClient http = HttpClient.newHttpClient();
  private EnrichmentPipeline pipeline;

  @BeforeEach
  void clearbitOnLoopback() {
    clearbit.start();
    queue();
    store.save(WebsiteEnrichmentTest.defaultWebsiteRow(false), "test");
    store.save(ClearbitProviderTest.settings(clearbit.baseUrl(), 5), "test");
    CallbackRegistry registry =
        new CallbackRegistry(
            jdbc,
            clock,
            new WebhookProperties("http://localhost:" + port, Duration.ofDays(1)),
            rapport);
    pipeline =
        new EnrichmentPipeline(
            userAccounts,
            profiles,
            domains,
            new Providers(store, List.of(emailDomain, new ClearbitProviderType(egress))),
            cache,
            ledger,
            caller,
            properties,
            catalog,
            consent,
            registry);
  }

  @AfterEach
  void stop() throws IOException {
    clearbit.stop();
    egress.close();
    InstalledProviders.restore(store);
  }

  @Test
  void anAnswerPostedLaterIsStoredInTheProfileAndCachedAndOnlyOnce() throws Exception {
    UserAccount user = signUp();
    ProviderRun queued = clearbitRun(pipeline.enrich(user.id()).orElseThrow());
    assertThat(queued.outcome()).isEqualTo(LookupOutcome.QUEUED);

    HttpResponse<String> accepted = post(webhookUrl(), signedAnswer());

    assertThat(accepted.statusCode()).isEqualTo(204);
    Map<String, ProfileValue> values = profiles.profileOf(user.id()).values();
    assertThat(values.get("job_title").value()).isEqualTo("Head of Programming");
    assertThat(values.get("job_title").effective().source())
        .isEqualTo(Source.enrichment("clearbit"));
    assertThat(values.get("company_size").value()).isEqualTo("240");
    assertThat(values.get("industry").effective().confidence()).isEqualTo(0.85);

    EnrichmentRun again = pipeline.enrich(user.id()).orElseThrow();
    assertThat(again.complete()).as("the answer told everything wanted").isTrue();
    assertThat(clearbit.getAllServeEvents()).hasSize(1);
    assertThat(
            cache.find(
                "clearbit", Subject.PERSON, LookupCache.keyOf(Subject.PERSON, lookupOf(user))))
        .map(LookupResult::outcome)
        .contains(LookupOutcome.MATCH);
    assertThat(post(webhookUrl(), signedAnswer()).statusCode()).as("a replay").isEqualTo(409);
    assertThat(lookupOutcomes(user)).containsExactly("QUEUED", "MATCH");
  }

  @Test
  void theCallbackUrlHoldsA256BitSecretOfWhichOnlyTheHashIsStored() {
    UserAccount user = signUp();
    pipeline.enrich(user.id());
    String url = webhookUrl();
    String secret = url.substring(url.lastIndexOf('/') + 1);
    String lookupId = url.substring(0, url.lastIndexOf('/')).replaceAll(".*/", "");

    assertThat(url).startsWith("http://localhost:" + port + "/enrichment/callbacks/");
    assertThat(java.util.Base64.getUrlDecoder().decode(secret)).hasSize(32);
    assertThat(
            jdbc.sql("SELECT secret_hash FROM enrichment_callback WHERE lookup_id = ?")
                .param(lookupId)
                .query(String.class)
                .single())
        .isEqualTo(io.rapport.platform.Digests.sha256Hex(secret))
        .isNotEqualTo(secret);
  }

  @Test
  void aStormOf429sPutsEachLookupOffWithoutOpeningTheCircuitAndA503StormOpensIt() {
    clearbit.resetAll();
    clearbit.stubFor(
        get(urlPathEqualTo(ClearbitProviderTest.FIND))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
    EnrichmentPipeline ownCircuits =
        new EnrichmentPipeline(
            userAccounts,
            profiles,
            domains,
            new Providers(store, List.of(emailDomain, new ClearbitProviderType(egress))),
            cache,
            ledger,
            new ProviderCaller(limits, new ProviderCircuits(clock), store, audit),
            properties,
            catalog,
            consent);

    List<ProviderRun> runs =
        java.util.stream.IntStream.range(0, 12)
            .mapToObj(i -> clearbitRun(ownCircuits.enrich(signUp().id()).orElseThrow()))
            .toList();

    assertThat(clearbit.getAllServeEvents())
        .as("a service that says slow down is up: every lookup is asked, the rate limit paces them")
        .hasSize(12);
    assertThat(runs)
        .allSatisfy(
            run -> {
              assertThat(run.result().retryableError()).isTrue();
              assertThat(run.result().retryAfter()).isEqualTo(Duration.ofSeconds(1));
              assertThat(run.skipped()).isNull();
            });

    clearbit.resetAll();
    clearbit.stubFor(
        get(urlPathEqualTo(ClearbitProviderTest.FIND)).willReturn(aResponse().withStatus(503)));
    List<ProviderRun> down =
        java.util.stream.IntStream.range(0, 12)
            .mapToObj(i -> clearbitRun(ownCircuits.enrich(signUp().id()).orElseThrow()))
            .toList();
    assertThat(clearbit.getAllServeEvents())
        .as("a service that fails is left alone once half of its last calls failed")
        .hasSize(ProviderCircuits.MINIMUM_CALLS);
    assertThat(down.getLast().skipped()).isEqualTo(ProviderCaller.CIRCUIT_OPEN);
    assertThat(store.list())
        .filteredOn(settings -> settings.id().equals("clearbit"))
        .singleElement()
        .extracting(ProviderSettings::enabled)
        .as("a 429 is not a refused key")
        .isEqualTo(true);
  }

  @Test
  void anUnknownLookupOrAWrongSecretIsNotFoundAndStoresNothing() throws Exception {
    UserAccount user = signUp();
    pipeline.enrich(user.id());
    String url = webhookUrl();
    String base = url.substring(0, url.lastIndexOf('/') + 1);

    String unknown =
        "http://localhost:" + port + CallbackRegistry.PATH + UUID.randomUUID() + "/" + secret();
    assertThat(post(unknown, signedAnswer()).statusCode()).isEqualTo(404);
    assertThat(post(base + secret(), signedAnswer()).statusCode()).isEqualTo(404);

    assertThat(profiles.profileOf(user.id()).values()).doesNotContainKey("job_title");
    assertThat(post(url, signedAnswer()).statusCode())
        .as("the lookup is still open")
        .isEqualTo(204);
  }

  @Test
  void aMalformedOrForgedBodyIsRefusedAndStoresNothing() throws Exception {
    UserAccount user = signUp();
    pipeline.enrich(user.id());
    byte[] malformed = "{\"id\": \"d54c\", \"status\": 200, \"body\": {".getBytes();
    byte[] answer = answerBody();

    HttpResponse<String> unreadable =
        post(
            webhookUrl(),
            malformed,
            ClearbitProviderTest.signature(ClearbitProviderTest.KEY, malformed));
    HttpResponse<String> forged =
        post(webhookUrl(), answer, ClearbitProviderTest.signature("not-the-key", answer));
    HttpResponse<String> tooLarge =
        post(webhookUrl(), new byte[EnrichmentCallbacks.MAX_BODY_BYTES + 1], Map.of());

    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(profiles.profileOf(user.id()).values()).doesNotContainKey("job_title");
    assertThat(
            cache.find(
                "clearbit", Subject.PERSON, LookupCache.keyOf(Subject.PERSON, lookupOf(user))))
        .isEmpty();
  }

  @Test
  void whenTheJobGetsTheAnswerFirstALateWebhookChangesNothing() throws Exception {
    UserAccount user = signUp();
    pipeline.enrich(user.id());
    String url = webhookUrl();
    clearbit.resetAll();
    clearbit.stubFor(
        get(urlPathEqualTo(ClearbitProviderTest.FIND))
            .willReturn(okJson(ClearbitProviderTest.combined())));

    assertThat(clearbitRun(pipeline.enrich(user.id()).orElseThrow()).outcome())
        .isEqualTo(LookupOutcome.MATCH);

    assertThat(post(url, signedAnswer()).statusCode()).isEqualTo(409);
  }

  @Test
  void aLoginWhileALookupIsQueuedIsNotHeldUp() throws Exception {
    UserAccount user = signUp();
    pipeline.enrich(user.id());
    PageClient pages = new PageClient();
    String issuer = "http://localhost:" + port;
    long start = System.nanoTime();

    PageClient.Page login = pages.get(issuer + "/login");
    PageClient.Page signedIn =
        pages.follow(
            pages.submit(
                login, issuer + "/login", Map.of("email", user.email(), "password", PASSWORD)));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.url().getPath()).isNotEqualTo("/login");
    assertThat(openCallbacks(user)).as("the lookup is still queued").isEqualTo(1);
  }

  private void queue() {
    clearbit.resetAll();
    clearbit.stubFor(
        get(urlPathEqualTo(ClearbitProviderTest.FIND))
            .willReturn(aResponse().withStatus(202).withBody("{\"error\":{\"type\":\"queued\"}}")));
  }

  private UserAccount signUp() {
    String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@analytical.example";
    UserAccount user =
        accounts.signUp(email, PASSWORD, "http://localhost", Locale.ENGLISH, "127.0.0.1");
    // The application's own job would ask its own providers meanwhile; this test drives its own.
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance = ?").param(user.id()).update();
    return user;
  }

  private Lookup lookupOf(UserAccount user) {
    return new Lookup(user.email(), domains.classify(user.email()));
  }

  /** The webhook_url Clearbit was last given. */
  private String webhookUrl() {
    return clearbit
        .getAllServeEvents()
        .getFirst()
        .getRequest()
        .queryParameter("webhook_url")
        .firstValue();
  }

  private static byte[] answerBody() {
    return ("{\"id\": \"d54c54ad\", \"status\": 200, \"type\": \"person_company\", \"body\": "
            + ClearbitProviderTest.combined()
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static SignedBody signedAnswer() {
    byte[] body = answerBody();
    return new SignedBody(body, ClearbitProviderTest.signature(ClearbitProviderTest.KEY, body));
  }

  private HttpResponse<String> post(String url, SignedBody signed) throws Exception {
    return post(url, signed.body(), signed.headers());
  }

  private HttpResponse<String> post(String url, byte[] body, Map<String, List<String>> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String secret() {
    return UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
  }

  private List<String> lookupOutcomes(UserAccount user) {
    return jdbc.sql(
            "SELECT outcome FROM enrichment_lookup WHERE user_id = ? AND provider_id = 'clearbit'"
                + " ORDER BY id")
        .param(user.id())
        .query(String.class)
        .list();
  }

  private int openCallbacks(UserAccount user) {
    return jdbc.sql("SELECT COUNT(*) FROM enrichment_callback WHERE user_id = ? AND state = 'OPEN'")
        .param(user.id())
        .query(Integer.class)
        .single();
  }

  private static ProviderRun clearbitRun(EnrichmentRun run) {
    return run.providers().stream()
        .filter(provider -> provider.providerId().equals("clearbit"))
        .findFirst()
        .orElseThrow();
  }

  private record SignedBody(byte[] body, Map<String, List<String>> headers) {}
}
