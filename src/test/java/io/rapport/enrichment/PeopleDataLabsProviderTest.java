package io.rapport.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The People Data Labs provider against WireMock on loopback, standing in for
 * api.peopledatalabs.com (by a host override, so that the default base URL is the one called),
 * answering with PDL's documented shapes and with each way a service can go wrong.
 */
@ExtendWith(OutputCaptureExtension.class)
class PeopleDataLabsProviderTest {

  private static final String EMAIL = "ada.quinlan@acme-analytics.example";
  private static final String KEY = "pdl-test-key-0123456789";
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private final WireMockServer pdl =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private Egress egress;

  @BeforeEach
  void start() {
    pdl.start();
    egress =
        new Egress(
            new EgressProperties(
                false, Map.of("api.peopledatalabs.com", "http://127.0.0.1:" + pdl.port())));
  }

  @AfterEach
  void stop() throws IOException {
    pdl.stop();
    egress.close();
  }

  @Test
  void aPersonRecordBecomesFindingsWithTheLikelihoodAsConfidence(CapturedOutput output) {
    answer(json(200, fixture("person.json")));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value, Finding::confidence)
        .containsExactlyInAnyOrder(
            tuple("name", "Ada Quinlan", 0.8),
            tuple("given_name", "Ada", 0.8),
            tuple("family_name", "Quinlan", 0.8),
            tuple("job_title", "vice president of engineering", 0.8),
            tuple("job_role", "engineering", 0.8),
            tuple("seniority", "vp", 0.8),
            tuple("company_name", "acme analytics", 0.8),
            tuple("company_website", "https://acme-analytics.example", 0.8),
            tuple("company_domain", "acme-analytics.example", 0.8),
            tuple("company_size", "201", 0.8),
            tuple("industry", "computer software", 0.8),
            tuple("country", "DE", 0.8),
            tuple("city", "Leipzig", 0.8),
            tuple("linkedin", "https://linkedin.com/in/ada-quinlan", 0.8),
            tuple("twitter", "adaquinlan", 0.8),
            tuple("github", "aquinlan", 0.8));
    pdl.verify(
        getRequestedFor(urlPathEqualTo("/v5/person/enrich"))
            .withQueryParam("email", equalTo(EMAIL))
            .withQueryParam("min_likelihood", equalTo("6"))
            .withHeader("X-Api-Key", equalTo(KEY)));
    assertThat(output).doesNotContain(EMAIL).doesNotContain(KEY);
  }

  @Test
  void anExecutiveLevelGivesTheExecutiveRoleAndUnknownRolesAreOther() {
    answer(
        json(
            200,
            """
            {"status": 200, "likelihood": 10, "data": {"job_title": "founder",
             "job_title_role": "operations", "job_title_levels": ["owner", "cxo"],
             "job_company_size": "10001+"}}
            """));

    assertThat(lookUp().findings())
        .extracting(Finding::attribute, Finding::value, Finding::confidence)
        .containsExactlyInAnyOrder(
            tuple("job_title", "founder", 0.9),
            tuple("job_role", "executive", 0.9),
            tuple("seniority", "executive", 0.9),
            tuple("company_size", "5001", 0.9));

    answer(
        json(
            200,
            """
            {"likelihood": 6, "data": {"job_title_role": "legal", "job_title_levels": ["senior", "manager"]}}
            """));

    assertThat(lookUp().findings())
        .extracting(Finding::attribute, Finding::value)
        .containsExactlyInAnyOrder(tuple("job_role", "other"), tuple("seniority", "manager"));
  }

  @Test
  void aNotFoundIsANoMatch() {
    answer(
        json(
            404,
            """
            {"status": 404, "error": {"type": "not_found",
             "message": "No records were found matching your request"}}
            """));

    assertThat(lookUp()).isEqualTo(LookupResult.noMatch());
  }

  @Test
  void aRecordWithNothingUsableIsANoMatch() {
    answer(
        json(
            200,
            "{\"status\": 200, \"likelihood\": 7, \"data\": {\"id\": \"x\", \"sex\": \"male\"}}"));

    assertThat(lookUp().outcome()).isEqualTo(LookupOutcome.NO_MATCH);
  }

  @Test
  void aRefusedKeyAndSpentCreditsRefuseTheProvider() {
    answer(json(401, "{\"status\": 401, \"error\": {\"type\": \"authentication_error\"}}"));
    LookupResult unauthorised = lookUp();
    answer(json(402, "{\"status\": 402, \"error\": {\"type\": \"payment_required\"}}"));
    LookupResult outOfCredits = lookUp();

    assertThat(unauthorised.refused()).isTrue();
    assertThat(unauthorised.reason())
        .isEqualTo("HTTP 401 from People Data Labs: the API key was refused");
    assertThat(outOfCredits.refused()).isTrue();
    assertThat(outOfCredits.reason())
        .contains("402")
        .contains("credits are spent")
        .doesNotContain(KEY);
  }

  @Test
  void a429IsRetriedWhenThePdlRateWindowResets() {
    answer(
        json(429, "{\"status\": 429, \"error\": {\"type\": \"rate_limit_error\"}}")
            .withHeader("x-ratelimit-reset", "2026-12-04T10:01:30Z")
            .withHeader("x-ratelimit-remaining", "{\"minute\": 0}"));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(result.refused()).isFalse();
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(90));
    assertThat(result.reason()).isEqualTo("HTTP 429 from People Data Labs");
  }

  @Test
  void aRetryAfterGoesBeforeTheRateWindowAndAnAbsurdOneIsCapped() {
    answer(
        json(429, "{}")
            .withHeader("Retry-After", "20")
            .withHeader("x-ratelimit-reset", "2026-12-04T10:01:30Z"));
    assertThat(lookUp().retryAfter()).isEqualTo(Duration.ofSeconds(20));

    answer(json(429, "{}").withHeader("x-ratelimit-reset", "2027-06-01T00:00:00Z"));
    assertThat(lookUp().retryAfter()).isEqualTo(PeopleDataLabsProviderType.MOST_RETRY_AFTER);

    answer(json(429, "{}").withHeader("x-ratelimit-reset", "soon"));
    assertThat(lookUp().retryAfter()).as("the job's backoff").isEqualTo(Duration.ZERO);
  }

  @Test
  void aServerErrorIsRetriedByTheJob() {
    answer(json(500, "{\"status\": 500, \"error\": {\"type\": \"server_error\"}}"));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(result.retryAfter()).isEqualTo(Duration.ZERO);
    assertThat(result.retryableError()).isTrue();
  }

  @Test
  void malformedJsonIsAnErrorNotRetriedAndLogged(CapturedOutput output) {
    answer(json(200, "{\"status\": 200, \"likelihood\": 8, \"data\": {\"full_name\": \"ada"));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(result.retryAfter()).isNull();
    assertThat(result.findings()).isEmpty();
    assertThat(output).contains("RAPPORT-ENRICH-051").doesNotContain(EMAIL);
  }

  @Test
  void htmlInsteadOfJsonIsAnErrorNotRetried(CapturedOutput output) {
    answer(
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body><h1>Welcome to our maintenance page</h1></body></html>"));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(result.retryAfter()).isNull();
    assertThat(output).contains("RAPPORT-ENRICH-051").contains("text/html");
  }

  @Test
  void fieldsOfTheWrongTypeAreLeftOutAndTheRestKept() {
    answer(
        json(
            200,
            """
            {"status": 200, "likelihood": "8", "data": {
              "full_name": ["ada", "quinlan"], "first_name": "ada", "last_name": 17,
              "job_title": {"name": "cto"}, "job_title_role": "astronaut",
              "job_title_levels": "vp", "job_company_name": "acme analytics",
              "job_company_size": 250, "job_company_website": true,
              "location_country": "atlantis", "location_locality": null,
              "linkedin_url": "javascript:alert(1)", "twitter_url": 42}}
            """));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(result.findings())
        .as("the likelihood unreadable: PDL's floor of 6")
        .extracting(Finding::attribute, Finding::value, Finding::confidence)
        .containsExactlyInAnyOrder(
            tuple("given_name", "Ada", 0.7), tuple("company_name", "acme analytics", 0.7));
  }

  @Test
  void dataThatIsNotAnObjectIsAnError() {
    answer(json(200, "{\"status\": 200, \"likelihood\": 8, \"data\": \"ada quinlan\"}"));
    assertThat(lookUp().outcome()).isEqualTo(LookupOutcome.ERROR);

    answer(json(200, "[1, 2, 3]"));
    assertThat(lookUp().outcome()).isEqualTo(LookupOutcome.ERROR);
  }

  @Test
  void aBodyOfMegabytesIsRefusedUnread() {
    String padding = "x".repeat(3 * 1024 * 1024);
    answer(json(200, "{\"likelihood\": 8, \"data\": {\"full_name\": \"" + padding + "\"}}"));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(result.reason()).isEqualTo("People Data Labs: body too large");
    assertThat(result.retryAfter()).isNull();
  }

  @Test
  void aServiceTooSlowIsGivenUpAtTheTimeoutAndRetried() {
    answer(json(200, fixture("person.json")).withFixedDelay(3000));
    long start = System.nanoTime();

    LookupResult result = lookUp(Duration.ofMillis(300));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
    assertThat(result.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(result.reason()).isEqualTo("People Data Labs: timeout");
    assertThat(result.retryAfter()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aResetConnectionIsRetried() {
    answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    LookupResult reset = lookUp();
    answer(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    LookupResult garbled = lookUp();

    assertThat(reset.reason()).isEqualTo("People Data Labs: broken");
    assertThat(reset.retryAfter()).isEqualTo(Duration.ZERO);
    assertThat(garbled.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(garbled.retryAfter()).isEqualTo(Duration.ZERO);
  }

  @Test
  void anUnexpectedRedirectIsNotFollowed(CapturedOutput output) {
    answer(aResponse().withStatus(302).withHeader("Location", "https://login.example/sso"));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(result.reason()).isEqualTo("unexpected HTTP 302 from People Data Labs");
    assertThat(result.retryAfter()).isNull();
    assertThat(pdl.getAllServeEvents()).hasSize(1);
    assertThat(output).contains("RAPPORT-ENRICH-053");
  }

  @Test
  void aBaseUrlSettingIsCalledInstead() {
    pdl.stubFor(get(urlPathEqualTo("/staging/v5/person/enrich")).willReturn(json(404, "{}")));
    ProviderSettings staging =
        new ProviderSettings(
            "pdl",
            PeopleDataLabsProviderType.TYPE,
            20,
            true,
            "http://staging-pdl.example/staging/",
            KEY,
            0,
            Duration.ofSeconds(5),
            0,
            ProviderSettings.DEFAULT_CACHE);
    Egress stagingEgress =
        new Egress(
            new EgressProperties(
                false, Map.of("staging-pdl.example", "http://127.0.0.1:" + pdl.port())));
    try (stagingEgress) {
      LookupResult result =
          new PeopleDataLabsProviderType(stagingEgress, clock())
              .create(staging)
              .lookUp(new Lookup(EMAIL, email()));
      assertThat(result.outcome()).isEqualTo(LookupOutcome.NO_MATCH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void roleAndDisposableAddressesAreNotAskedAbout() {
    EnrichmentProvider provider = provider(Duration.ofSeconds(5));

    assertThat(provider.accepts(email())).isTrue();
    assertThat(provider.accepts(new EmailClass("gmail.com", DomainKind.FREE_MAIL, false, null)))
        .isTrue();
    assertThat(provider.accepts(new EmailClass("acme.example", DomainKind.COMPANY, true, null)))
        .isFalse();
    assertThat(
            provider.accepts(new EmailClass("mailinator.com", DomainKind.DISPOSABLE, false, null)))
        .isFalse();
  }

  private void answer(ResponseDefinitionBuilder response) {
    pdl.resetAll();
    pdl.stubFor(get(urlPathEqualTo("/v5/person/enrich")).willReturn(response));
  }

  private LookupResult lookUp() {
    return lookUp(Duration.ofSeconds(5));
  }

  private LookupResult lookUp(Duration timeout) {
    return provider(timeout).lookUp(new Lookup(EMAIL, email()));
  }

  private EnrichmentProvider provider(Duration timeout) {
    return new PeopleDataLabsProviderType(egress, clock()).create(settings(timeout));
  }

  private static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private static ProviderSettings settings(Duration timeout) {
    return new ProviderSettings(
        "pdl",
        PeopleDataLabsProviderType.TYPE,
        20,
        true,
        null,
        KEY,
        0,
        timeout,
        0,
        ProviderSettings.DEFAULT_CACHE);
  }

  private static EmailClass email() {
    return new EmailClass("acme-analytics.example", DomainKind.COMPANY, false, null);
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  static String fixture(String name) {
    try (InputStream in =
        PeopleDataLabsProviderTest.class.getResourceAsStream(
            "/enrichment/people-data-labs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
