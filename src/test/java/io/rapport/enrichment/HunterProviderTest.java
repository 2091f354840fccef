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
import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hunter provider against WireMock on loopback: Hunter's combined lookup answers in Clearbit's
 * format inside {@code data}, with Hunter's own status codes.
 */
class HunterProviderTest {

  private static final String KEY = "hunter-test-key-93c1";

  private final WireMockServer hunter = new WireMockServer(options().dynamicPort());
  private final Egress egress = new Egress(new EgressProperties(true, Map.of()));
  private EnrichmentProvider provider;

  @BeforeEach
  void start() {
    hunter.start();
    provider =
        new HunterProviderType(egress)
            .create(
                new ProviderSettings(
                    "hunter",
                    HunterProviderType.TYPE,
                    30,
                    true,
                    hunter.baseUrl() + "/",
                    KEY,
                    0,
                    Duration.ofSeconds(2),
                    0,
                    ProviderSettings.DEFAULT_CACHE));
  }

  @AfterEach
  void stop() throws IOException {
    hunter.stop();
    egress.close();
  }

  @Test
  void theCombinedAnswerInDataIsReadWithClearbitsMapping() {
    answer(okJson("{\"data\": " + ClearbitProviderTest.combined() + ", \"meta\": {}}"));

    LookupResult result = provider.lookUp(ClearbitProviderTest.lookup());

    assertThat(result.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value)
        .contains(
            tuple("given_name", "Ada"),
            tuple("job_title", "Head of Programming"),
            tuple("company_name", "Analytical Engines Ltd"),
            tuple("company_size", "240"));
    hunter.verify(
        getRequestedFor(urlPathEqualTo("/v2/combined/find"))
            .withQueryParam("email", equalTo(ClearbitProviderTest.EMAIL))
            .withHeader("X-API-KEY", equalTo(KEY))
            .withoutQueryParam("api_key"));
  }

  @Test
  void hunterStatusCodesMeanWhatHunterSays() {
    answer(aResponse().withStatus(404).withBody("{\"errors\": [{\"id\": \"not_found\"}]}"));
    assertThat(provider.lookUp(ClearbitProviderTest.lookup())).isEqualTo(LookupResult.noMatch());

    answer(
        aResponse()
            .withStatus(401)
            .withBody("{\"errors\": [{\"id\": \"authentication_failed\"}]}"));
    assertThat(provider.lookUp(ClearbitProviderTest.lookup()).refused()).isTrue();

    answer(aResponse().withStatus(403).withHeader("Retry-After", "30"));
    LookupResult rateLimited = provider.lookUp(ClearbitProviderTest.lookup());
    assertThat(rateLimited.refused()).as("403 is Hunter's rate limit, not a bad key").isFalse();
    assertThat(rateLimited.retryAfter()).isEqualTo(Duration.ofSeconds(30));

    answer(aResponse().withStatus(429));
    assertThat(provider.lookUp(ClearbitProviderTest.lookup()).retryAfter())
        .isEqualTo(HunterProviderType.USAGE_RETRY);

    answer(aResponse().withStatus(451));
    assertThat(provider.lookUp(ClearbitProviderTest.lookup())).isEqualTo(LookupResult.noMatch());
  }

  @Test
  void aMalformedAnswerIsAnErrorNotAskedAgain() {
    answer(okJson("{\"data\": {\"person\": "));
    assertThat(provider.lookUp(ClearbitProviderTest.lookup()))
        .isEqualTo(LookupResult.error("not JSON", null));

    answer(okJson("{\"data\": \"nothing\"}"));
    assertThat(provider.lookUp(ClearbitProviderTest.lookup()))
        .isEqualTo(LookupResult.error("no data object", null));
  }

  @Test
  void hunterTakesNoCallbacks() {
    assertThat(provider.acceptsCallbacks()).isFalse();
  }

  private void answer(ResponseDefinitionBuilder response) {
    hunter.resetAll();
    hunter.stubFor(get(urlPathEqualTo("/v2/combined/find")).willReturn(response));
  }
}
