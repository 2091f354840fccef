package io.rapport.profiling;

import io.rapport.profile.Attribute;
import java.util.List;
import java.util.Map;

/**
 * How the account page asks for a new value of an attribute: as the plan's first question for it
 * does, else with the input kind that fits the attribute's type. A value is required there: the
 * page changes answers, it does not remove them.
 */
final class AccountQuestions {

  private AccountQuestions() {}

  static Question forAttribute(Plan plan, Attribute attribute) {
    Question question =
        plan.questions().stream()
            .filter(candidate -> candidate.attribute().equals(attribute.key()))
            .findFirst()
            .orElseGet(() -> plain(attribute));
    AnswerRules rules = question.rules();
    return new Question(
        question.id(),
        question.attribute(),
        question.input(),
        question.text(),
        question.help(),
        question.options(),
        new AnswerRules(
            true, rules.minLength(), rules.maxLength(), rules.min(), rules.max(), rules.pattern()),
        question.when(),
        question.priority(),
        false,
        true);
  }

  /** A question of the attribute's own label, with no rules beyond its type. */
  private static Question plain(Attribute attribute) {
    return new Question(
        attribute.key(),
        attribute.key(),
        InputKind.forType(attribute.type()),
        Map.copyOf(attribute.labels()),
        Map.of(),
        List.of(),
        AnswerRules.NONE,
        AskRules.AT_EVERY_LOGIN,
        0,
        false,
        true);
  }
}
