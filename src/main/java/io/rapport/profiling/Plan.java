package io.rapport.profiling;

import java.util.List;
import java.util.Optional;

/**
 * The progressive profiling configuration: the questions in their order, and the prompt policy.
 *
 * @param questions in plan order, which breaks ties of priority
 */
public record Plan(Policy policy, List<Question> questions) {

  /** What an installation asks before anyone configures a plan: nothing. */
  public static final Plan EMPTY = new Plan(Policy.DEFAULT, List.of());

  public Plan {
    policy = policy == null ? Policy.DEFAULT : policy;
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  public Optional<Question> question(String id) {
    return questions.stream().filter(question -> question.id().equals(id)).findFirst();
  }
}
