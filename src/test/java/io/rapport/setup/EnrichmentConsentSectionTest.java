package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.enrichment.EnrichmentBasis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The import file's {@code enrichment.basis} and {@code enrichment.excluded-regions}: what it
 * reads, and how it says what is wrong.
 */
class EnrichmentConsentSectionTest {

  private static final String FILE = "rapport.yaml";

  private final ImportFileReader reader =
      new ImportFileReader(
          new VariableExpander(Map.of("REGION", "XX")::get),
          List.of(new KeylessProviderType("email-domain")));

  @Test
  void readsTheBasisAndTheRegionsInCapitalsWithoutRepeats() {
    ImportPlan plan =
        reader.parse(
            FILE,
            """
            enrichment:
              basis: consent
              excluded-regions: [eu, CH, EU]
            """);

    assertThat(plan.consent())
        .isEqualTo(new PlannedConsent(EnrichmentBasis.CONSENT, List.of("EU", "CH")));
    assertThat(plan.providers()).isNull();
  }

  @Test
  void aFileThatDoesNotSayLeavesBothToTheProperties() {
    assertThat(reader.parse(FILE, "enrichment:\n  providers: []\n").consent())
        .isEqualTo(new PlannedConsent(null, null));
    assertThat(reader.parse(FILE, "attributes: []\n").consent())
        .isEqualTo(new PlannedConsent(null, null));
    assertThat(reader.parse(FILE, "enrichment:\n  excluded-regions: []\n").consent())
        .isEqualTo(new PlannedConsent(null, List.of()));
  }

  @Test
  void anUnknownBasisAndRegionsThatAreNoneAreReportedAtTheirPlace() {
    assertThatThrownBy(
            () ->
                reader.parse(
                    FILE,
                    """
                    enrichment:
                      basis: opt-out
                      excluded-regions: [DE, Europe, "${REGION}"]
                    """))
        .hasMessageContaining(
            "rapport.yaml:2:10: enrichment.basis: unknown basis 'opt-out'; write"
                + " legitimate-interest or consent")
        .hasMessageContaining(
            "rapport.yaml:3:26: enrichment.excluded-regions[1]: 'Europe' is not a region: write an"
                + " ISO 3166-1 alpha-2 country code (DE, FR, US), EU or EEA")
        .hasMessageContaining("enrichment.excluded-regions[2]: '${REGION}' is not a region");
  }

  @Test
  void aMisspeltKeyIsNamed() {
    assertThatThrownBy(() -> reader.parse(FILE, "enrichment:\n  excluded_regions: [DE]\n"))
        .hasMessageEndingWith(
            "rapport.yaml:2:3: enrichment: unknown key 'excluded_regions'; did you mean"
                + " 'excluded-regions'?");
  }
}
