package io.rapport.profiling;

import java.util.Map;
import java.util.regex.Pattern;

/** The rules of texts by language: English required, real language tags, bounded lengths. */
final class WordingChecks {

  /** A BCP 47 tag such as en, de or pt-BR, as the attribute catalog accepts. */
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

  private WordingChecks() {}

  /**
   * @param optional whether the texts may be absent altogether
   */
  static void check(
      Map<String, String> texts,
      String field,
      int maxLength,
      boolean optional,
      ProblemCollector.Scope problems) {
    if (texts.isEmpty() && optional) {
      return;
    }
    if (!texts.containsKey(Wording.ENGLISH)) {
      problems.report(field, "needs an English text (language 'en')");
    }
    texts.forEach((language, text) -> checkOne(language, text, field, maxLength, problems));
  }

  private static void checkOne(
      String language, String text, String field, int maxLength, ProblemCollector.Scope problems) {
    if (!LANGUAGE.matcher(language).matches()) {
      problems.report(
          field + "." + language, "'" + language + "' is not a language tag such as en or pt-BR");
    } else if (text == null || text.isBlank()) {
      problems.report(field + "." + language, "must not be empty");
    } else if (text.strip().length() > maxLength) {
      problems.report(field + "." + language, "may have at most " + maxLength + " characters");
    }
  }
}
