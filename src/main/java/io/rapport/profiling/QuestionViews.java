package io.rapport.profiling;

import io.rapport.profile.Profile;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns questions into what pages show, in one language. */
@Component
final class QuestionViews {

  private final MessageSource messages;

  QuestionViews(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * @param submitted what a refused form sent, by question id; empty on a first showing
   * @param errors why answers were refused, by question id
   */
  List<QuestionView> of(
      List<Question> questions,
      Profile profile,
      Map<String, List<String>> submitted,
      Map<String, MessageRef> errors,
      Locale locale) {
    return questions.stream()
        .map(question -> of(question, profile, submitted, errors.get(question.id()), locale))
        .toList();
  }

  QuestionView of(
      Question question,
      Profile profile,
      Map<String, List<String>> submitted,
      MessageRef error,
      Locale locale) {
    String offered =
        Eligibility.doubtfulValue(question, profile.values().get(question.attribute()));
    List<String> values =
        submitted.containsKey(question.id())
            ? submitted.get(question.id())
            : parts(question, offered);
    List<QuestionView.Option> options = options(question, locale);
    AnswerRules rules = question.rules();
    return new QuestionView(
        question.id(),
        AnswerForm.fieldName(question.id()),
        question.input().key(),
        htmlType(question.input()),
        question.text(locale),
        question.help(locale),
        options,
        values,
        offered == null ? null : readable(parts(question, offered), options),
        error == null ? null : message(error, locale),
        question.required(),
        rules.minLength(),
        rules.maxLength(),
        rules.min(),
        rules.max());
  }

  /** A stored value as the reader should read it: option labels, country names, yes or no. */
  String display(Question question, String stored, Locale locale) {
    return readable(parts(question, stored), options(question, locale));
  }

  String message(MessageRef reference, Locale locale) {
    return messages.getMessage(reference.key(), reference.argumentArray(), locale);
  }

  private List<QuestionView.Option> options(Question question, Locale locale) {
    return switch (question.input()) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE ->
          question.options().stream()
              .map(option -> new QuestionView.Option(option.value(), option.label(locale)))
              .toList();
      case YES_NO ->
          List.of(
              new QuestionView.Option("true", messages.getMessage("prompt.yes", null, locale)),
              new QuestionView.Option("false", messages.getMessage("prompt.no", null, locale)));
      case COUNTRY -> countries(locale);
      default -> List.of();
    };
  }

  /** Every ISO 3166 country, named and sorted in the reader's language. */
  private static List<QuestionView.Option> countries(Locale locale) {
    Collator collator = Collator.getInstance(locale);
    return Arrays.stream(Locale.getISOCountries())
        .map(code -> new QuestionView.Option(code, Locale.of("", code).getDisplayCountry(locale)))
        .sorted(Comparator.comparing(QuestionView.Option::label, collator))
        .toList();
  }

  /** The values a stored value holds: several for multiple choice. */
  static List<String> parts(Question question, String stored) {
    if (stored == null) {
      return List.of();
    }
    return question.input() == InputKind.MULTIPLE_CHOICE
        ? List.of(stored.split(InputKind.SEPARATOR))
        : List.of(stored);
  }

  /** The options' labels for the values, else the values themselves, joined. */
  static String readable(List<String> values, List<QuestionView.Option> options) {
    List<String> labels =
        values.stream()
            .map(
                part ->
                    options.stream()
                        .filter(option -> option.value().equals(part))
                        .map(QuestionView.Option::label)
                        .findFirst()
                        .orElse(part))
            .toList();
    return String.join(", ", labels);
  }

  private static String htmlType(InputKind kind) {
    return switch (kind) {
      case EMAIL -> "email";
      case URL -> "url";
      case PHONE -> "tel";
      case NUMBER -> "number";
      case DATE -> "date";
      default -> "text";
    };
  }
}
