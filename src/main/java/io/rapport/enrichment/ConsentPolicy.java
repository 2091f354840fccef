package io.rapport.enrichment;

import java.util.List;
import java.util.Set;

/**
 * The company's rules for whom enrichment may look up.
 *
 * @param basis consent or legitimate interest
 * @param excludedRegions the regions as written (country codes, {@code EU}, {@code EEA})
 * @param origin {@code import} when the import file set either, else {@code property}
 */
public record ConsentPolicy(EnrichmentBasis basis, List<String> excludedRegions, String origin) {

  public ConsentPolicy {
    excludedRegions = List.copyOf(excludedRegions);
  }

  /** The countries whose users are never looked up, groups expanded. */
  public Set<String> excludedCountries() {
    return Regions.countries(excludedRegions);
  }
}
