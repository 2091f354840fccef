package io.rapport.profiling;

import java.util.List;
import java.util.stream.Collectors;

/** A plan was refused; nothing of it was stored. The message lists every problem, one a line. */
public final class InvalidPlanException extends RuntimeException {

  private final transient List<PlanProblem> problems;

  InvalidPlanException(List<PlanProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** In plan order: the policy first, then each question's problems. */
  public List<PlanProblem> problems() {
    return problems;
  }

  private static String describe(List<PlanProblem> problems) {
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return problems.stream()
        .map(PlanProblem::toString)
        .collect(Collectors.joining("\n", "The profiling plan is invalid (" + count + "):\n", ""));
  }
}
