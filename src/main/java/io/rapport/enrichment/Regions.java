package io.rapport.enrichment;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Regions as the excluded-regions setting names them: ISO 3166-1 alpha-2 country codes, and the
 * groups {@code EU} (the 27 member states) and {@code EEA} (those and Iceland, Liechtenstein,
 * Norway).
 */
public final class Regions {

  public static final String EU = "EU";
  public static final String EEA = "EEA";

  /** The member states of the European Union, as of 2020 (after the United Kingdom left). */
  static final Set<String> EU_MEMBERS =
      Set.of(
          "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
          "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

  static final Set<String> EEA_MEMBERS = union(EU_MEMBERS, Set.of("IS", "LI", "NO"));

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private Regions() {}

  /** A region as written, in capitals: {@code de} and {@code eu} are DE and EU. */
  public static String normalize(String region) {
    return region == null ? null : region.strip().toUpperCase(Locale.ROOT);
  }

  /** Why the text is not a region, quoting it as given; empty when it is one, in any case. */
  public static Optional<String> problem(String text) {
    String region = normalize(text);
    if (region != null && (isGroup(region) || COUNTRIES.contains(region))) {
      return Optional.empty();
    }
    return Optional.of(
        "'%s' is not a region: write an ISO 3166-1 alpha-2 country code (DE, FR, US),"
                .formatted(text)
            + " EU or EEA");
  }

  /** Whether the code is an ISO 3166-1 alpha-2 country code. */
  static boolean isCountry(String code) {
    return code != null && COUNTRIES.contains(code);
  }

  /** The countries the regions name, groups expanded. */
  static Set<String> countries(Collection<String> regions) {
    Set<String> countries = new TreeSet<>();
    for (String region : regions) {
      switch (region) {
        case EU -> countries.addAll(EU_MEMBERS);
        case EEA -> countries.addAll(EEA_MEMBERS);
        default -> countries.add(region);
      }
    }
    return countries;
  }

  private static boolean isGroup(String region) {
    return region.equals(EU) || region.equals(EEA);
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> union = new TreeSet<>(first);
    union.addAll(second);
    return Set.copyOf(union);
  }
}
