package io.rapport.profiling;

import io.rapport.profile.Attribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers a form sends, one field {@code answer.<question id>} per question (repeated for
 * multiple choice), checked against the questions that were asked. Any other {@code answer.} field
 * refuses the whole form: it answers a question that does not exist or was not asked here.
 */
final class AnswerForm {

  static final String FIELD_PREFIX = "answer.";

  private AnswerForm() {}

  static String fieldName(String questionId) {
    return FIELD_PREFIX + questionId;
  }

  static CheckedAnswers check(
      List<Question> asked,
      Plan plan,
      Map<String, Attribute> attributes,
      Map<String, List<String>> parameters) {
    Map<String, List<String>> submitted = answersIn(parameters);
    List<MessageRef> formErrors = strayAnswers(asked, plan, submitted.keySet());
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> skipped = new HashSet<>();
    Map<String, MessageRef> errors = new LinkedHashMap<>();
    for (Question question : asked) {
      List<String> raw = submitted.getOrDefault(question.id(), List.of());
      switch (AnswerValidator.check(question, attributes.get(question.attribute()), raw)) {
        case AnswerCheck.Accepted accepted -> values.put(question.id(), accepted.value());
        case AnswerCheck.Empty empty -> skipped.add(question.id());
        case AnswerCheck.Refused refused -> errors.put(question.id(), refused.reason());
      }
    }
    return new CheckedAnswers(asked, submitted, values, skipped, errors, formErrors);
  }

  private static Map<String, List<String>> answersIn(Map<String, List<String>> parameters) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    parameters.forEach(
        (name, values) -> {
          if (name.startsWith(FIELD_PREFIX)) {
            answers.put(name.substring(FIELD_PREFIX.length()), List.copyOf(values));
          }
        });
    return answers;
  }

  private static List<MessageRef> strayAnswers(
      List<Question> asked, Plan plan, Set<String> answered) {
    Set<String> askedIds = new HashSet<>();
    asked.forEach(question -> askedIds.add(question.id()));
    List<MessageRef> errors = new ArrayList<>();
    for (String id : answered) {
      if (askedIds.contains(id)) {
        continue;
      }
      MessageRef error =
          plan.question(id).isPresent()
              ? MessageRef.of("prompt.error.notAsked")
              : MessageRef.of("prompt.error.unknownQuestion");
      if (!errors.contains(error)) {
        errors.add(error);
      }
    }
    return errors;
  }
}
