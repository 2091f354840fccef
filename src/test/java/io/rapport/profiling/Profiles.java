package io.rapport.profiling;

import io.rapport.profile.Attribute;
import io.rapport.profile.Observation;
import io.rapport.profile.Profile;
import io.rapport.profile.ProfileValue;
import io.rapport.profile.Sensitivity;
import io.rapport.profile.Source;
import io.rapport.profile.ValueType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Profiles and attributes made in memory, for tests of rules that only read them. */
final class Profiles {

  static final Instant OBSERVED = Instant.parse("2026-01-01T00:00:00Z");

  /** The attributes the Acme Video plan and these tests ask for, by key. */
  static final Map<String, Attribute> CATALOG =
      catalog(
          Map.ofEntries(
              Map.entry("given_name", ValueType.TEXT),
              Map.entry("use_case", ValueType.TEXT),
              Map.entry("company_name", ValueType.TEXT),
              Map.entry("job_role", ValueType.TEXT),
              Map.entry("company_size", ValueType.NUMBER),
              Map.entry("country", ValueType.COUNTRY),
              Map.entry("team_size", ValueType.NUMBER),
              Map.entry("languages", ValueType.TEXT),
              Map.entry("birthday", ValueType.DATE),
              Map.entry("newsletter", ValueType.BOOLEAN),
              Map.entry("website", ValueType.URL),
              Map.entry("phone_number", ValueType.PHONE)));

  private final Map<String, ProfileValue> values = new LinkedHashMap<>();

  static Profiles of() {
    return new Profiles();
  }

  /** A value the user stated. */
  Profiles said(String key, String value) {
    return with(key, value, Source.USER, 1.0);
  }

  /** A value a program inferred with the confidence. */
  Profiles inferred(String key, String value, double confidence) {
    return with(key, value, Source.enrichment("clearbit"), confidence);
  }

  Profile build() {
    return new Profile("user-1", values);
  }

  private Profiles with(String key, String value, Source source, double confidence) {
    Observation observation =
        new Observation(values.size() + 1, "user-1", key, value, source, confidence, OBSERVED);
    values.put(key, new ProfileValue(CATALOG.get(key), observation, List.of(observation)));
    return this;
  }

  private static Map<String, Attribute> catalog(Map<String, ValueType> types) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    types.forEach(
        (key, type) ->
            attributes.put(
                key, new Attribute(key, type, Sensitivity.PUBLIC, Map.of("en", key), false)));
    return Map.copyOf(attributes);
  }
}
