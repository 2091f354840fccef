package io.rapport.profile;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named kind of profile data, as defined in the attribute catalog.
 *
 * @param key the stable name, used in observations, claims and exports
 * @param type how values are checked and normalised
 * @param sensitivity how carefully values must be handled
 * @param labels what people read, by language tag ({@code en}, {@code de}, {@code pt-BR})
 * @param builtin whether Rapport ships the attribute; built-ins keep their type
 */
public record Attribute(
    String key,
    ValueType type,
    Sensitivity sensitivity,
    Map<String, String> labels,
    boolean builtin) {

  static final String DEFAULT_LANGUAGE = "en";

  public Attribute {
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /**
   * The label for a reader of the given locale: its exact language tag, else its language, else
   * English, else the key itself.
   */
  public String label(Locale locale) {
    String exact = labels.get(locale.toLanguageTag());
    if (exact != null) {
      return exact;
    }
    return labels.getOrDefault(locale.getLanguage(), labels.getOrDefault(DEFAULT_LANGUAGE, key));
  }
}
