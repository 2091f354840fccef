package io.rapport.admin;

import io.rapport.profiling.PromptFigures;
import java.util.Locale;

/** Answer rates as the console shows them. */
final class Percentages {

  private static final String NEVER_SHOWN = "—";

  private Percentages() {}

  /** {@code 66.7 %}, or a dash when nothing was shown. */
  static String of(PromptFigures.Counts figures) {
    Double rate = figures.answerRate();
    return rate == null ? NEVER_SHOWN : String.format(Locale.ROOT, "%.1f %%", rate * 100);
  }
}
