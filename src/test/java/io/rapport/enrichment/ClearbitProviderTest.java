package io.rapport.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The clearbit provider against WireMock on loopback, answering with the shapes Clearbit documents
 * for its combined lookup, and with every fault a service can have.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClearbitProviderTest {

  static final String KEY = "sk_test_4f9a1c0e7b2d";
  static final String EMAIL = "ada@analytical-engines.example";
  static final String FIND = "/v2/combined/find";

  private final WireMockServer clearbit = new WireMockServer(options().dynamicPort());
  private final Egress egress = new Egress(new EgressProperties(true, Map.of()));
  private EnrichmentProvider provider;

  @BeforeEach
  void start() {
    clearbit.start();
    provider = new ClearbitProviderType(egress).create(settings(clearbit.baseUrl(), 2));
  }

  @AfterEach
  void stop() throws IOException {
    clearbit.stop();
    egress.close();
  }

  @Test
  void aCombinedAnswerBecomesPersonAndCompanyAttributes() {
    answer(okJson(combined()));

    LookupResult result = provider.lookUp(lookup());

    assertThat(result.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value, Finding::confidence)
        .containsExactlyInAnyOrder(
            tuple("given_name", "Ada", 0.9),
            tuple("family_name", "Lovelace", 0.9),
            tuple("company_name", "Analytical Engines Ltd", 0.9),
            tuple("job_title", "Head of Programming", 0.85),
            tuple("job_role", "engineering", 0.8),
            tuple("seniority", "director", 0.8),
            tuple("country", "GB", 0.8),
            tuple("city", "London", 0.7),
            tuple("linkedin", "https://www.linkedin.com/in/ada-lovelace", 0.85),
            tuple("twitter", "adalovelace", 0.85),
            tuple("github", "ada-l", 0.85),
            tuple("company_domain", "analytical-engines.example", 0.9),
            tuple("company_website", "https://analytical-engines.example/", 0.8),
            tuple("industry", "Internet Software & Services", 0.85),
            tuple("company_size", "240", 0.8),
            tuple(
                "company_description",
                "Analytical Engines builds general-purpose calculating machines.",
                0.8),
            tuple("company_logo", "https://logos.analytical-engines.example/logo.png", 0.8),
            tuple("company_linkedin", "https://www.linkedin.com/company/analytical-engines", 0.85),
            tuple("company_twitter", "https://twitter.com/engines", 0.85),
            tuple("company_facebook", "https://www.facebook.com/analyticalengines", 0.85));
    clearbit.verify(
        getRequestedFor(urlPathEqualTo(FIND))
            .withQueryParam("email", equalTo(EMAIL))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withoutQueryParam("webhook_url"));
  }

  @Test
  void aLookupWithACallbackGivesClearbitItsWebhookUrl() {
    answer(aResponse().withStatus(202).withBody("{\"error\":{\"type\":\"queued\"}}"));
    String callback = "https://id.example.com/enrichment/callbacks/abc/s3cr3t";

    LookupResult result = provider.lookUp(lookup().withCallbackUrl(callback));

    assertThat(result.outcome()).isEqualTo(LookupOutcome.QUEUED);
    assertThat(result.retryAfter()).isEqualTo(ClearbitProviderType.QUEUED_RETRY);
    clearbit.verify(
        getRequestedFor(urlPathEqualTo(FIND)).withQueryParam("webhook_url", equalTo(callback)));
  }

  @Test
  void aFuzzyMatchIsLessSureOfThePerson() {
    answer(okJson(combined().replace("\"fuzzy\": false", "\"fuzzy\": true")));

    List<Finding> findings = provider.lookUp(lookup()).findings();

    assertThat(findings)
        .filteredOn(f -> f.attribute().equals("job_title"))
        .singleElement()
        .extracting(Finding::confidence)
        .isEqualTo(0.51);
    assertThat(findings)
        .filteredOn(f -> f.attribute().equals("industry"))
        .singleElement()
        .extracting(Finding::confidence)
        .as("the company is Clearbit's by domain, not by the person")
        .isEqualTo(0.85);
  }

  @Test
  void rolesBecomeTheWordsOfRapportsPlans() {
    answer(
        okJson(combined().replace("\"role\": \"engineering\"", "\"role\": \"human_resources\"")));

    assertThat(provider.lookUp(lookup()).findings())
        .filteredOn(f -> f.attribute().equals("job_role"))
        .extracting(Finding::value)
        .containsExactly("hr");

    answer(okJson(combined().replace("\"role\": \"engineering\"", "\"role\": \"finance\"")));
    assertThat(provider.lookUp(lookup()).findings())
        .filteredOn(f -> f.attribute().equals("job_role"))
        .extracting(Finding::value)
        .as("a role without a shared word, as People Data Labs' are")
        .containsExactly("other");
  }

  @Test
  void noPersonAndNoCompanyIsANoMatch() {
    answer(okJson("{\"person\": null, \"company\": null}"));

    assertThat(provider.lookUp(lookup()).outcome()).isEqualTo(LookupOutcome.NO_MATCH);
  }

  @Test
  void unknownAndInvalidAddressesAreNoMatches() {
    answer(aResponse().withStatus(404).withBody("{\"error\":{\"type\":\"unknown_record\"}}"));
    assertThat(provider.lookUp(lookup())).isEqualTo(LookupResult.noMatch());

    answer(aResponse().withStatus(422).withBody("{\"error\":{\"type\":\"email_invalid\"}}"));
    assertThat(provider.lookUp(lookup())).isEqualTo(LookupResult.noMatch());
  }

  @Test
  void aRefusedKeyIsRefusedAndASpentQuotaComesBackInAnHour() {
    for (int status : new int[] {401, 403}) {
      answer(aResponse().withStatus(status).withBody("{\"error\":{\"type\":\"auth_required\"}}"));
      LookupResult result = provider.lookUp(lookup());
      assertThat(result.refused()).as("HTTP %d", status).isTrue();
      assertThat(result.reason()).doesNotContain(KEY);
    }

    answer(aResponse().withStatus(402));
    LookupResult quota = provider.lookUp(lookup());

    assertThat(quota.refused()).isFalse();
    assertThat(quota.retryAfter()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void a429OrA500IsRetriedWhenTheServiceSays() {
    answer(aResponse().withStatus(429).withHeader("Retry-After", "120"));
    assertThat(provider.lookUp(lookup()))
        .isEqualTo(LookupResult.throttled("HTTP 429", Duration.ofSeconds(120)));

    answer(aResponse().withStatus(500).withBody("<html>oops</html>"));
    assertThat(provider.lookUp(lookup())).isEqualTo(LookupResult.error("HTTP 500", Duration.ZERO));
  }

  @Test
  void aStormOf429sIsAnErrorToRetryEachTime() {
    answer(aResponse().withStatus(429).withHeader("Retry-After", "1"));

    for (int i = 0; i < 20; i++) {
      assertThat(provider.lookUp(lookup()).retryableError()).isTrue();
    }
  }

  @Test
  void aTimeoutOrAResetConnectionIsAnErrorToRetry(CapturedOutput output) {
    answer(okJson(combined()).withFixedDelay(4_000));
    long start = System.nanoTime();
    LookupResult slow = provider.lookUp(lookup());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(slow).isEqualTo(LookupResult.error("timeout", Duration.ZERO));

    answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    assertThat(provider.lookUp(lookup())).isEqualTo(LookupResult.error("broken", Duration.ZERO));

    answer(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    assertThat(provider.lookUp(lookup()).retryableError()).isTrue();
    assertThat(output).doesNotContain(EMAIL).doesNotContain(KEY);
  }

  @Test
  void unreadableAnswersAreErrorsNotAskedAgain(CapturedOutput output) {
    Map<String, ResponseDefinitionBuilder> answers =
        Map.of(
            "not JSON", okJson("{\"person\": {\"name\": "),
            "HTML instead of JSON",
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Sign in</body></html>"),
            "not a JSON object", okJson("[1, 2, 3]"),
            "an answer over 1 MiB", okJson("{\"pad\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}"),
            "HTTP 302",
                aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/"),
            "HTTP 400", aResponse().withStatus(400));

    answers.forEach(
        (reason, response) -> {
          answer(response);
          assertThat(provider.lookUp(lookup()))
              .as(reason)
              .isEqualTo(LookupResult.error(reason, null));
        });

    assertThat(output).contains("RAPPORT-ENRICH-040").doesNotContain(EMAIL);
  }

  @Test
  void fieldsOfTheWrongTypeAreSkippedAndTheRestIsRead() {
    answer(
        okJson(
            """
            {"person": {"name": "Ada Lovelace", "employment": {"title": 42, "role": ["x"],
               "seniority": "director", "name": {"a": 1}}, "geo": "London",
               "linkedin": {"handle": 7}, "fuzzy": "no"},
             "company": {"name": "Analytical Engines Ltd", "metrics": {"employees": "many",
               "employeesRange": "1K-5K"}, "category": 5, "domain": ["x"]}}"""));

    LookupResult result = provider.lookUp(lookup());

    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value)
        .containsExactlyInAnyOrder(
            tuple("seniority", "director"),
            tuple("company_name", "Analytical Engines Ltd"),
            tuple("company_size", "1000"));
  }

  @Test
  void aSignedWebhookIsReadAndAnUnsignedOneRefused() {
    byte[] body =
        ("{\"id\": \"d54c54ad\", \"status\": 200, \"type\": \"person_company\", \"body\": "
                + combined()
                + "}")
            .getBytes(StandardCharsets.UTF_8);

    LookupResult signed = provider.readCallback(body, signature(KEY, body));
    LookupResult forged = provider.readCallback(body, signature("another-key", body));
    LookupResult unsigned = provider.readCallback(body, Map.of());

    assertThat(signed.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(signed.findings()).extracting(Finding::attribute).contains("job_title", "industry");
    assertThat(forged).isEqualTo(LookupResult.error("signature does not match", null));
    assertThat(unsigned).isEqualTo(LookupResult.error("signature does not match", null));
  }

  @Test
  void aWebhookSayingNotFoundIsANoMatchAndAMalformedOneAnError() {
    byte[] notFound =
        "{\"id\": \"x\", \"status\": 404, \"type\": \"person\", \"body\": null}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] malformed = "{\"id\": \"x\", \"status\": 2".getBytes(StandardCharsets.UTF_8);
    byte[] personOnly =
        "{\"id\": \"x\", \"status\": 200, \"type\": \"person\", \"body\": {\"name\": {\"givenName\": \"Ada\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(provider.readCallback(notFound, signature(KEY, notFound)).outcome())
        .isEqualTo(LookupOutcome.NO_MATCH);
    assertThat(provider.readCallback(malformed, signature(KEY, malformed)).outcome())
        .isEqualTo(LookupOutcome.ERROR);
    assertThat(provider.readCallback(personOnly, signature(KEY, personOnly)).findings())
        .extracting(Finding::attribute, Finding::value)
        .containsExactly(tuple("given_name", "Ada"));
  }

  private void answer(ResponseDefinitionBuilder response) {
    clearbit.resetAll();
    clearbit.stubFor(get(urlPathEqualTo(FIND)).willReturn(response));
  }

  static Lookup lookup() {
    return new Lookup(
        EMAIL, new EmailClass("analytical-engines.example", DomainKind.COMPANY, false, null));
  }

  static ProviderSettings settings(String baseUrl, int timeoutSeconds) {
    return new ProviderSettings(
        "clearbit",
        ClearbitProviderType.TYPE,
        20,
        true,
        baseUrl,
        KEY,
        0,
        Duration.ofSeconds(timeoutSeconds),
        0,
        ProviderSettings.DEFAULT_CACHE);
  }

  /** Clearbit's webhook signature header: sha1= and the HMAC-SHA1 of the body, keyed by the key. */
  static Map<String, List<String>> signature(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Map.of(
          "x-request-signature", List.of("sha1=" + HexFormat.of().formatHex(mac.doFinal(body))));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String combined() {
    try (InputStream in =
        ClearbitProviderTest.class.getResourceAsStream("/enrichment/clearbit/combined.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
