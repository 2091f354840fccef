package io.rapport.profiling;

import io.rapport.profile.Attribute;
import io.rapport.profile.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what a page sent for one question, whatever the page's own checks did: the kind of input,
 * the question's rules and the attribute's type. Never looks at which page sent it.
 */
final class AnswerValidator {

  private AnswerValidator() {}

  /**
   * @param raw every value the form sent for the question; several only for multiple choice
   */
  static AnswerCheck check(Question question, Attribute attribute, List<String> raw) {
    List<String> values =
        raw.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    if (values.isEmpty()) {
      return question.required() ? refused("prompt.error.required") : new AnswerCheck.Empty();
    }
    if (values.size() > 1 && question.input() != InputKind.MULTIPLE_CHOICE) {
      return refused("prompt.error.oneValue");
    }
    return switch (question.input()) {
      case SINGLE_CHOICE -> choice(question, attribute, values.get(0));
      case MULTIPLE_CHOICE -> choices(question, attribute, values);
      case NUMBER -> number(question, attribute, values.get(0));
      case TEXT, EMAIL, URL, PHONE -> typed(question, attribute, values.get(0));
      case DATE, YES_NO, COUNTRY -> stored(attribute, values.get(0));
    };
  }

  private static AnswerCheck choice(Question question, Attribute attribute, String value) {
    Optional<String> stored = attribute.type().normalize(value);
    boolean offered =
        stored.isPresent()
            && question.options().stream().anyMatch(o -> o.value().equals(stored.get()));
    return offered ? new AnswerCheck.Accepted(stored.get()) : refused("prompt.error.notAnOption");
  }

  /** The chosen values in the order of the options, each once, joined by commas. */
  private static AnswerCheck choices(Question question, Attribute attribute, List<String> values) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String value : values) {
      if (!(choice(question, attribute, value) instanceof AnswerCheck.Accepted accepted)) {
        return refused("prompt.error.notAnOption");
      }
      chosen.add(accepted.value());
    }
    List<String> inOptionOrder = new ArrayList<>();
    question.options().stream()
        .map(ChoiceOption::value)
        .filter(chosen::contains)
        .forEach(inOptionOrder::add);
    return stored(attribute, String.join(InputKind.SEPARATOR, inOptionOrder));
  }

  private static AnswerCheck number(Question question, Attribute attribute, String value) {
    AnswerCheck check = stored(attribute, value);
    if (!(check instanceof AnswerCheck.Accepted accepted)) {
      return check;
    }
    BigDecimal number = new BigDecimal(accepted.value());
    AnswerRules rules = question.rules();
    if (rules.min() != null && number.compareTo(rules.min()) < 0) {
      return refused("prompt.error.belowMin", rules.min().toPlainString());
    }
    if (rules.max() != null && number.compareTo(rules.max()) > 0) {
      return refused("prompt.error.aboveMax", rules.max().toPlainString());
    }
    return check;
  }

  private static AnswerCheck typed(Question question, Attribute attribute, String value) {
    AnswerRules rules = question.rules();
    int most = rules.maxLength() == null ? AnswerRuleChecks.MAX_TEXT_LENGTH : rules.maxLength();
    if (value.length() > most) {
      return refused("prompt.error.tooLong", most);
    }
    if (rules.minLength() != null && value.length() < rules.minLength()) {
      return refused("prompt.error.tooShort", rules.minLength());
    }
    if (rules.pattern() != null && !Pattern.compile(rules.pattern()).matcher(value).matches()) {
      return refused("prompt.error.pattern");
    }
    return stored(attribute, value);
  }

  /** The attribute's own check, which is what the profile store applies too. */
  private static AnswerCheck stored(Attribute attribute, String value) {
    return attribute
        .type()
        .normalize(value)
        .<AnswerCheck>map(AnswerCheck.Accepted::new)
        .orElseGet(() -> refused("prompt.error.type." + typeKey(attribute.type())));
  }

  private static String typeKey(ValueType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static AnswerCheck refused(String key, Object... arguments) {
    return new AnswerCheck.Refused(MessageRef.of(key, arguments));
  }
}
