package io.rapport.profiling;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Texts by language tag, such as a question's wording or an option's label. */
final class Wording {

  static final String ENGLISH = "en";

  private Wording() {}

  /** An unmodifiable copy in a stable order; an absent map is empty. */
  static Map<String, String> copy(Map<String, String> texts) {
    return texts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(texts));
  }

  /**
   * The text for a reader of the locale: its exact language tag, else its language, else English;
   * null when there is no text at all.
   */
  static String pick(Map<String, String> texts, Locale locale) {
    String exact = texts.get(locale.toLanguageTag());
    if (exact != null) {
      return exact;
    }
    return texts.getOrDefault(locale.getLanguage(), texts.get(ENGLISH));
  }
}
