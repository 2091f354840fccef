package io.rapport.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.rapport.enrichment.PeopleDataLabsProviderTest.json;
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
 * The FullContact provider against WireMock on loopback standing in for api.fullcontact.com (by a
 * host override, so that the default base URL is the one called), answering with FullContact's
 * documented shapes and with each way a service can go wrong; and the webhook bodies it reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class FullContactProviderTest {

  private static final String EMAIL = "ada.quinlan@acme-analytics.example";
  private static final String KEY = "fc-test-key-0123456789";
  private static final String CALLBACK =
      "https://id.example.com/enrichment/callbacks/8a0e4a5c-1111-4222-8333-944455556666/s3cr3t-s3cr3t-s3cr3t-s3cr3t";

  private final WireMockServer fullContact =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private Egress egress;

  @BeforeEach
  void start() {
    fullContact.start();
    egress =
        new Egress(
            new EgressProperties(
                false, Map.of("api.fullcontact.com", "http://127.0.0.1:" + fullContact.port())));
  }

  @AfterEach
  void stop() throws IOException {
    fullContact.stop();
    egress.close();
  }

  @Test
  void aPersonBecomesFindingsFromTheSummaryAndTheDetails(CapturedOutput output) {
    answer(json(200, fixture("person.json")));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value, Finding::confidence)
        .containsExactlyInAnyOrder(
            tuple("name", "Ada Quinlan", 0.9),
            tuple("given_name", "Ada", 0.9),
            tuple("family_name", "Quinlan", 0.9),
            tuple("job_title", "VP Engineering", 0.8),
            tuple("company_name", "Acme Analytics", 0.8),
            tuple("company_domain", "acme-analytics.example", 0.8),
            tuple("city", "Leipzig", 0.75),
            tuple("country", "DE", 0.75),
            tuple("linkedin", "https://www.linkedin.com/in/ada-quinlan", 0.9),
            tuple("twitter", "adaquinlan", 0.9),
            tuple("github", "aquinlan", 0.9),
            tuple("website", "https://ada-quinlan.example/", 0.8));
    fullContact.verify(
        postRequestedFor(urlPathEqualTo("/v3/person.enrich"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withRequestBody(equalToJson("{\"email\": \"" + EMAIL + "\"}")));
    assertThat(output).doesNotContain(EMAIL).doesNotContain(KEY);
  }

  @Test
  void theDetailsFillWhatTheSummaryLeavesOut() {
    answer(
        json(
            200,
            """
            {"fullName": null, "title": null, "organization": null,
             "details": {"name": {"given": "Ada", "family": "Quinlan"},
              "employment": [{"name": "Acme Analytics", "title": "CTO", "current": true}],
              "locations": [{"city": "Lyon", "country": "France"}],
              "profiles": {"twitter": {"username": "adaq"},
                           "linkedin": {"url": "https://www.linkedin.com/in/adaq"}}}}
            """));

    assertThat(lookUp().findings())
        .extracting(Finding::attribute, Finding::value)
        .containsExactlyInAnyOrder(
            tuple("given_name", "Ada"),
            tuple("family_name", "Quinlan"),
            tuple("job_title", "CTO"),
            tuple("company_name", "Acme Analytics"),
            tuple("city", "Lyon"),
            tuple("country", "FR"),
            tuple("twitter", "adaq"),
            tuple("linkedin", "https://www.linkedin.com/in/adaq"));
  }

  @Test
  void aNotFoundIsANoMatchAndAnEmptyPersonToo() {
    answer(json(404, "{\"status\": 404, \"message\": \"Profile not found\"}"));
    assertThat(lookUp()).isEqualTo(LookupResult.noMatch());

    answer(json(200, "{\"fullName\": null, \"details\": {}}"));
    assertThat(lookUp().outcome()).isEqualTo(LookupOutcome.NO_MATCH);
  }

  @Test
  void aQueuedAnswerIsAskedAgainByTheJob() {
    answer(json(202, "{\"status\": 202, \"message\": \"Queued for search. Try again later.\"}"));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.QUEUED);
    assertThat(result.retryAfter()).as("the job's backoff").isEqualTo(Duration.ZERO);
  }

  @Test
  void withACallbackUrlTheRequestCarriesItAsWebhookUrl() {
    answer(
        json(
            202,
            "{\"status\": 202, \"message\": \"Queued for search. Your response will be sent to"
                + " your webhook shortly.\"}"));

    LookupResult result =
        provider(Duration.ofSeconds(5)).lookUp(new Lookup(EMAIL, email(), CALLBACK));

    assertThat(result.outcome()).isEqualTo(LookupOutcome.QUEUED);
    assertThat(result.retryAfter()).isEqualTo(FullContactProviderType.QUEUED_WITH_WEBHOOK);
    fullContact.verify(
        postRequestedFor(urlPathEqualTo("/v3/person.enrich"))
            .withRequestBody(
                equalToJson(
                    "{\"email\": \"" + EMAIL + "\", \"webhookUrl\": \"" + CALLBACK + "\"}")));
  }

  @Test
  void aWebhookBodyIsReadAsTheAnswer(CapturedOutput output) {
    EnrichmentProvider provider = provider(Duration.ofSeconds(5));

    LookupResult person =
        provider.readCallback(fixture("person.json").getBytes(StandardCharsets.UTF_8), Map.of());
    LookupResult notFound =
        provider.readCallback(
            "{\"status\": 404, \"message\": \"Profile not found\"}"
                .getBytes(StandardCharsets.UTF_8),
            Map.of());
    LookupResult failed =
        provider.readCallback("{\"status\": 500}".getBytes(StandardCharsets.UTF_8), Map.of());
    LookupResult html =
        provider.readCallback("<html>oops</html>".getBytes(StandardCharsets.UTF_8), Map.of());

    assertThat(provider.acceptsCallbacks()).isTrue();
    assertThat(person.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(person.findings()).extracting(Finding::attribute).contains("company_name", "name");
    assertThat(notFound.outcome()).isEqualTo(LookupOutcome.NO_MATCH);
    assertThat(failed.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(html.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(output).contains("RAPPORT-ENRICH-066").doesNotContain("Ada Quinlan");
  }

  @Test
  void aRefusedKeyRefusesTheProvider() {
    answer(json(401, "{\"status\": 401, \"message\": \"Invalid access token\"}"));
    LookupResult unauthorised = lookUp();
    answer(json(403, "{\"status\": 403, \"message\": \"Usage limits exceeded\"}"));
    LookupResult forbidden = lookUp();

    assertThat(unauthorised.refused()).isTrue();
    assertThat(unauthorised.reason())
        .isEqualTo("HTTP 401 from FullContact: the API key was refused");
    assertThat(forbidden.refused()).isTrue();
  }

  @Test
  void a429IsRetriedAfterTheRateDelayFullContactNamed() {
    answer(
        json(429, "{\"status\": 429, \"message\": \"Too many requests\"}")
            .withHeader("X-FullContact-RateDelay", "1000")
            .withHeader("X-Rate-Limit-Reset", "20"));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofMillis(1000));
    assertThat(result.reason()).isEqualTo("HTTP 429 from FullContact");
  }

  @Test
  void aRetryAfterGoesBeforeTheRateDelay() {
    answer(
        json(429, "{}")
            .withHeader("Retry-After", "45")
            .withHeader("X-FullContact-RateDelay", "900"));
    assertThat(lookUp().retryAfter()).isEqualTo(Duration.ofSeconds(45));

    answer(json(429, "{}").withHeader("X-FullContact-RateDelay", "a while"));
    assertThat(lookUp().retryAfter()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aServerErrorIsRetried() {
    answer(json(503, "{\"status\": 503}").withHeader("Retry-After", "120"));

    LookupResult result = lookUp();

    assertThat(result.retryableError()).isTrue();
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void malformedJsonAndHtmlAreErrorsNotRetried(CapturedOutput output) {
    answer(json(200, "{\"fullName\": \"Ada Quinlan\", \"details\": {"));
    LookupResult malformed = lookUp();
    answer(
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody("<!doctype html><title>Bad gateway</title>"));
    LookupResult html = lookUp();

    assertThat(malformed.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(malformed.retryAfter()).isNull();
    assertThat(html.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(html.retryAfter()).isNull();
    assertThat(output).contains("RAPPORT-ENRICH-061").contains("text/html");
  }

  @Test
  void fieldsOfTheWrongTypeAreLeftOutAndTheRestKept() {
    answer(
        json(
            200,
            """
            {"fullName": 12345, "title": ["VP"], "organization": "Acme Analytics",
             "linkedin": {"url": "x"}, "twitter": "https://twitter.com/adaquinlan",
             "details": {"name": "Ada Quinlan", "employment": {"name": "Initech"},
              "locations": [{"city": 7, "countryCode": "ZZ"}], "profiles": []}}
            """));

    LookupResult result = lookUp();

    assertThat(result.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value)
        .containsExactlyInAnyOrder(
            tuple("company_name", "Acme Analytics"), tuple("twitter", "adaquinlan"));
  }

  @Test
  void aBodyOfMegabytesIsRefusedUnread() {
    answer(json(200, "{\"bio\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}"));

    LookupResult result = lookUp();

    assertThat(result.reason()).isEqualTo("FullContact: body too large");
    assertThat(result.retryAfter()).isNull();
  }

  @Test
  void aServiceTooSlowIsGivenUpAtTheTimeoutAndRetried() {
    answer(json(200, fixture("person.json")).withFixedDelay(3000));
    long start = System.nanoTime();

    LookupResult result = provider(Duration.ofMillis(300)).lookUp(new Lookup(EMAIL, email()));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
    assertThat(result.reason()).isEqualTo("FullContact: timeout");
    assertThat(result.retryAfter()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aResetConnectionOrAnEmptyAnswerIsRetried() {
    answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    LookupResult reset = lookUp();
    answer(aResponse().withFault(Fault.EMPTY_RESPONSE));
    LookupResult empty = lookUp();

    assertThat(reset.reason()).isEqualTo("FullContact: broken");
    assertThat(reset.retryAfter()).isEqualTo(Duration.ZERO);
    assertThat(empty.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(empty.retryAfter()).isEqualTo(Duration.ZERO);
  }

  @Test
  void anUnexpectedRedirectIsNotFollowed(CapturedOutput output) {
    answer(
        aResponse().withStatus(301).withHeader("Location", "https://api.fullcontact.example/v4"));

    LookupResult result = lookUp();

    assertThat(result.reason()).isEqualTo("unexpected HTTP 301 from FullContact");
    assertThat(result.retryAfter()).isNull();
    assertThat(fullContact.getAllServeEvents()).hasSize(1);
    assertThat(output).contains("RAPPORT-ENRICH-063");
  }

  private void answer(ResponseDefinitionBuilder response) {
    fullContact.resetAll();
    fullContact.stubFor(post(urlPathEqualTo("/v3/person.enrich")).willReturn(response));
  }

  private LookupResult lookUp() {
    return provider(Duration.ofSeconds(5)).lookUp(new Lookup(EMAIL, email()));
  }

  private EnrichmentProvider provider(Duration timeout) {
    return new FullContactProviderType(
            egress, Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC))
        .create(
            new ProviderSettings(
                "fullcontact",
                FullContactProviderType.TYPE,
                30,
                true,
                null,
                KEY,
                0,
                timeout,
                0,
                ProviderSettings.DEFAULT_CACHE));
  }

  private static EmailClass email() {
    return new EmailClass("acme-analytics.example", DomainKind.COMPANY, false, null);
  }

  static String fixture(String name) {
    try (InputStream in =
        FullContactProviderTest.class.getResourceAsStream("/enrichment/fullcontact/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
