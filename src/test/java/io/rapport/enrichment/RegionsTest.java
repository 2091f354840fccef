package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Regions as the excluded-regions setting names them, and the hints to a user's region. */
class RegionsTest {

  @Test
  void theGroupsNameTheEuAndTheEea() {
    assertThat(Regions.countries(List.of("EU")))
        .hasSize(27)
        .contains("DE", "IE")
        .doesNotContain("GB");
    assertThat(Regions.countries(List.of("EEA"))).hasSize(30).contains("NO", "IS", "LI");
    assertThat(Regions.countries(List.of("EU", "CH"))).hasSize(28).contains("CH");
  }

  @Test
  void onlyCountryCodesAndTheGroupsAreRegions() {
    assertThat(Regions.problem(Regions.normalize("de"))).isEmpty();
    assertThat(Regions.problem("EEA")).isEmpty();
    assertThat(Regions.problem("UK"))
        .contains(
            "'UK' is not a region: write an ISO 3166-1 alpha-2 country code (DE, FR, US), EU or"
                + " EEA");
    assertThat(Regions.problem("Europe")).isPresent();
  }

  @Test
  void aWrongPropertyStopsTheStartNamingIt() {
    assertThatThrownBy(
            () ->
                new EnrichmentProperties(
                    true,
                    2,
                    Duration.ofSeconds(10),
                    List.of("company_name"),
                    0.8,
                    Duration.ofMinutes(1),
                    5,
                    Duration.ofDays(90),
                    Duration.ofSeconds(30),
                    EnrichmentBasis.CONSENT,
                    List.of("eu", "Europe")))
        .hasMessage(
            "rapport.enrichment.excluded-regions: 'Europe' is not a region: write an ISO 3166-1"
                + " alpha-2 country code (DE, FR, US), EU or EEA");
  }

  @Test
  void theDomainTellsByItsCountryCodeOnly() {
    assertThat(UserRegion.countryOfDomain("ada@firm.de")).contains("DE");
    assertThat(UserRegion.countryOfDomain("ada@firm.co.uk")).contains("GB");
    assertThat(UserRegion.countryOfDomain("ada@firm.com")).isEmpty();
    assertThat(UserRegion.countryOfDomain("ada@firm.eu")).isEmpty();
    assertThat(UserRegion.countryOfDomain("ada@firm.io")).contains("IO");
  }

  @Test
  void theLanguageTellsOnlyWithARegion() {
    assertThat(UserRegion.ofLocale(Locale.forLanguageTag("de-AT"))).isEqualTo("AT");
    assertThat(UserRegion.ofLocale(Locale.GERMAN)).isNull();
    assertThat(UserRegion.ofLocale(null)).isNull();
  }
}
