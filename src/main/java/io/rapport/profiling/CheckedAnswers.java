package io.rapport.profiling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form's answers to the questions of one prompt, checked.
 *
 * @param asked the questions the form answers, in the order shown
 * @param submitted what the form sent, by question id, to show again after an error
 * @param values the values to store, by question id
 * @param skipped the questions left empty that may be
 * @param errors what is wrong with an answer, by question id
 * @param formErrors what is wrong with the form as a whole, such as an answer to a question that
 *     was not asked
 */
record CheckedAnswers(
    List<Question> asked,
    Map<String, List<String>> submitted,
    Map<String, String> values,
    Set<String> skipped,
    Map<String, MessageRef> errors,
    List<MessageRef> formErrors) {

  CheckedAnswers {
    asked = List.copyOf(asked);
    submitted = Map.copyOf(submitted);
    values = new LinkedHashMap<>(values);
    skipped = Set.copyOf(skipped);
    errors = Map.copyOf(errors);
    formErrors = List.copyOf(formErrors);
  }

  /** Nothing sent yet: a first showing. */
  static CheckedAnswers none() {
    return new CheckedAnswers(List.of(), Map.of(), Map.of(), Set.of(), Map.of(), List.of());
  }

  boolean acceptable() {
    return errors.isEmpty() && formErrors.isEmpty();
  }

  /** What became of each question when the form is stored: answered or skipped. */
  Map<String, EventType> outcomes() {
    Map<String, EventType> outcomes = new LinkedHashMap<>();
    for (Question question : asked) {
      outcomes.put(
          question.id(),
          values.containsKey(question.id()) ? EventType.ANSWERED : EventType.SKIPPED);
    }
    return outcomes;
  }
}
