package io.rapport.profiling;

import io.rapport.profile.Profile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Questions as a user will see them, for the console's preview: the fields of the prompt page, in
 * one language, for a user Rapport knows nothing about yet.
 */
@Component
public final class QuestionPreviews {

  /** The languages Rapport's own pages are written in, around the plan's wording. */
  public static final Set<String> PAGE_LANGUAGES = Set.of(Wording.ENGLISH, "de");

  private static final Profile NOBODY = new Profile("preview", Map.of());

  private final QuestionViews views;

  QuestionPreviews(QuestionViews views) {
    this.views = views;
  }

  /** What {@code profiling/questions :: fields} shows for the question. */
  public List<QuestionView> of(Question question, Locale locale) {
    return List.of(views.of(question, NOBODY, Map.of(), null, locale));
  }

  /**
   * Every language the question has texts in (wording, help or option labels), and those of
   * Rapport's pages, in order: the languages worth previewing.
   */
  public static Set<String> languages(Question question) {
    Set<String> languages = new TreeSet<>(PAGE_LANGUAGES);
    languages.addAll(question.text().keySet());
    languages.addAll(question.help().keySet());
    question.options().forEach(option -> languages.addAll(option.label().keySet()));
    return languages;
  }

  /** Whether a reader of the language reads the question's own wording, not the English one. */
  public static boolean hasWording(Question question, Locale locale) {
    return question.text().containsKey(locale.toLanguageTag())
        || question.text().containsKey(locale.getLanguage());
  }
}
