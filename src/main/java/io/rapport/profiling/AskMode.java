package io.rapport.profiling;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When a question asks for a value the profile may already have. Stored by name. */
public enum AskMode {
  /** Only while the attribute has no value. */
  UNKNOWN,
  /**
   * Also when the value was inferred (by enrichment, an action or an import) with a confidence
   * below the question's threshold: the question then offers that value to confirm or correct.
   */
  LOW_CONFIDENCE;

  /** The name written in the import file: {@code unknown} or {@code low-confidence}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<AskMode> fromKey(String key) {
    return Arrays.stream(values()).filter(mode -> mode.key().equals(key)).findFirst();
  }
}
