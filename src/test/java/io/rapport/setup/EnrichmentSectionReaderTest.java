package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.enrichment.ProviderSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The import file's {@code enrichment.providers}: what it reads, and how it says what is wrong. */
class EnrichmentSectionReaderTest {

  private static final String FILE = "rapport.yaml";

  private final ImportFileReader reader =
      new ImportFileReader(
          new VariableExpander(Map.of("PAID_API_KEY", "sk-live-0123456789")::get),
          List.of(
              new KeylessProviderType("email-domain"),
              new KeylessProviderType("website"),
              new PaidProviderType()));

  @Test
  void readsTheProvidersInWaterfallOrderWithEveryKey() {
    ImportPlan plan =
        reader.parse(
            FILE,
            """
            enrichment:
              providers:
                - type: email-domain
                - type: website
                  enabled: false
                - type: paid-test
                  id: paid-staging
                  api-key: ${PAID_API_KEY}
                  base-url: https://staging.paid.example/
                  requests-per-minute: 600
                  timeout: 1500ms
                  monthly-budget: 10000
                  cache-for: 30d
            """);

    assertThat(plan.providers().providers())
        .containsExactly(
            new ProviderSettings(
                "email-domain",
                "email-domain",
                0,
                true,
                null,
                null,
                0,
                ProviderSettings.DEFAULT_TIMEOUT,
                0,
                ProviderSettings.DEFAULT_CACHE),
            new ProviderSettings(
                "website",
                "website",
                10,
                false,
                null,
                null,
                0,
                ProviderSettings.DEFAULT_TIMEOUT,
                0,
                ProviderSettings.DEFAULT_CACHE),
            new ProviderSettings(
                "paid-staging",
                PaidProviderType.TYPE,
                20,
                true,
                "https://staging.paid.example",
                "sk-live-0123456789",
                600,
                Duration.ofMillis(1500),
                10000,
                Duration.ofDays(30)));
  }

  @Test
  void aFileWithoutTheSectionLeavesTheProvidersAlone() {
    assertThat(reader.parse(FILE, "attributes: []\n").providers()).isNull();
    assertThat(reader.parse(FILE, "enrichment: {}\n").providers()).isNull();
    assertThat(reader.parse(FILE, "enrichment:\n  providers: []\n").providers().providers())
        .isEmpty();
  }

  @Test
  void anUnknownTypeIsNamedWithTheTypesThatExist() {
    assertThatThrownBy(
            () -> reader.parse(FILE, "enrichment:\n  providers:\n    - type: zoominfo\n"))
        .hasMessageEndingWith(
            "rapport.yaml:3:13: enrichment.providers[0].type: unknown provider type 'zoominfo';"
                + " known types: email-domain, paid-test, website");
  }

  @Test
  void everyProblemIsReportedAtItsPlaceWithoutTheExpandedKey() {
    assertThatThrownBy(
            () ->
                reader.parse(
                    FILE,
                    """
                    enrichment:
                      providers:
                        - type: paid-test
                        - type: email-domain
                          api-key: ${PAID_API_KEY}
                          base-url: ftp://files.example
                          requests-per-minute: -1
                          timeout: 5 seconds
                          monthly-budget: lots
                          enabled: yes
                        - type: website
                        - { id: Website!, type: website }
                        - type: website
                    """))
        .isInstanceOf(InvalidImportFileException.class)
        .hasMessageContaining("(RAPPORT-IMPORT-001, 9 problems)")
        .hasMessageContaining(
            "rapport.yaml:3:7: enrichment.providers[0]: missing key 'api-key': provider type"
                + " 'paid-test' needs an API key")
        .hasMessageContaining(
            "rapport.yaml:5:16: enrichment.providers[1].api-key: provider type 'email-domain'"
                + " takes no API key; remove 'api-key'")
        .hasMessageContaining(
            "rapport.yaml:6:17: enrichment.providers[1].base-url: 'ftp://files.example' must be"
                + " an absolute http or https URL")
        .hasMessageContaining(
            "rapport.yaml:7:28: enrichment.providers[1].requests-per-minute: must be 0 (no"
                + " limit) or more")
        .hasMessageContaining(
            "rapport.yaml:8:16: enrichment.providers[1].timeout: '5 seconds' must be a duration"
                + " such as 500ms, 5s, 2m, 1h or 30d")
        .hasMessageContaining(
            "rapport.yaml:9:23: enrichment.providers[1].monthly-budget: 'lots' must be a whole"
                + " number")
        .hasMessageContaining(
            "rapport.yaml:10:16: enrichment.providers[1].enabled: 'yes' must be true or false")
        .hasMessageContaining(
            "rapport.yaml:12:13: enrichment.providers[3].id: 'Website!' is not a provider id")
        .hasMessageContaining(
            "rapport.yaml:13:13: enrichment.providers[4].type: provider id 'website' is declared"
                + " twice; the first is at line 11")
        .hasMessageNotContaining("sk-live");
  }

  @Test
  void providersWrittenAsNothingAreAProblemRatherThanNone() {
    assertThatThrownBy(() -> reader.parse(FILE, "enrichment:\n  providers:\n"))
        .hasMessageEndingWith(
            "enrichment.providers: must be a list of providers; write [] for none");
  }

  @Test
  void aTimeoutMustBeAboveZeroAndAtMostFiveMinutes() {
    assertThatThrownBy(
            () ->
                reader.parse(
                    FILE, "enrichment:\n  providers:\n    - type: website\n      timeout: 10m\n"))
        .hasMessageEndingWith(
            "enrichment.providers[0].timeout: a timeout must be above 0 and at most 5m");
  }

  @Test
  void thePlanNeverShowsTheApiKey() {
    ImportPlan plan =
        reader.parse(
            FILE,
            """
            enrichment:
              providers:
                - type: paid-test
                  api-key: ${PAID_API_KEY}
            """);

    assertThat(plan.providers().toString()).doesNotContain("sk-live");
    assertThat(plan.providers().providers().getFirst().toString()).doesNotContain("sk-live");
  }
}
