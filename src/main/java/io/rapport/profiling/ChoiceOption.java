package io.rapport.profiling;

import java.util.Locale;
import java.util.Map;

/**
 * One answer a choice question offers.
 *
 * @param value what is stored, a value of the question's attribute type
 * @param label what the user reads, by language tag; English is required
 */
public record ChoiceOption(String value, Map<String, String> label) {

  public ChoiceOption {
    label = Wording.copy(label);
  }

  public String label(Locale locale) {
    String text = Wording.pick(label, locale);
    return text == null ? value : text;
  }
}
