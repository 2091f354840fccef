package io.rapport.profiling;

import java.util.Set;
import java.util.stream.Collectors;

/** Attributes whose values are lists of chosen options, joined by commas. */
final class MultipleChoice {

  private MultipleChoice() {}

  /** The attributes a multiple-choice question of the plan fills. */
  static Set<String> attributes(Plan plan) {
    return plan.questions().stream()
        .filter(question -> question.input() == InputKind.MULTIPLE_CHOICE)
        .map(Question::attribute)
        .collect(Collectors.toUnmodifiableSet());
  }
}
