package io.rapport.profiling;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of a plan, so that one check reports all of them. */
final class ProblemCollector {

  private final List<PlanProblem> problems = new ArrayList<>();

  /** Where the problems of one question, or of the policy, go. */
  Scope scope(int question, String questionId) {
    return (field, reason) -> problems.add(new PlanProblem(question, questionId, field, reason));
  }

  List<PlanProblem> problems() {
    return List.copyOf(problems);
  }

  /** Reports problems of one part of the plan. */
  @FunctionalInterface
  interface Scope {
    void report(String field, String reason);
  }
}
