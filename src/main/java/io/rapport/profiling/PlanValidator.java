package io.rapport.profiling;

import io.rapport.profile.Attribute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a whole plan against the attribute catalog, reporting every problem at once, and returns
 * it with its values in stored form.
 */
final class PlanValidator {

  static final int MAX_QUESTIONS = 1000;
  static final int MAX_PER_PROMPT = 20;
  private static final int MAX_DAYS = 3650;

  private final Map<String, Attribute> attributes;

  PlanValidator(Map<String, Attribute> attributes) {
    this.attributes = Map.copyOf(attributes);
  }

  /**
   * @throws InvalidPlanException listing every problem, in plan order
   */
  Plan validate(Plan plan) {
    ProblemCollector problems = new ProblemCollector();
    checkPolicy(plan.policy(), problems.scope(PlanProblem.POLICY, null));
    if (plan.questions().size() > MAX_QUESTIONS) {
      problems
          .scope(PlanProblem.POLICY, null)
          .report("", "a plan may have at most " + MAX_QUESTIONS + " questions");
    }
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < plan.questions().size(); i++) {
      Question question = plan.questions().get(i);
      questions.add(
          new QuestionChecks(attributes, problems.scope(i, question.id())).check(question));
    }
    reportDuplicateIds(questions, problems);
    new ConditionCycles(questions).report(problems);
    if (!problems.problems().isEmpty()) {
      throw new InvalidPlanException(inPlanOrder(problems.problems()));
    }
    return new Plan(plan.policy(), questions);
  }

  private static void checkPolicy(Policy policy, ProblemCollector.Scope problems) {
    if (policy.maxQuestions() < 1 || policy.maxQuestions() > MAX_PER_PROMPT) {
      problems.report("max-questions", "must be from 1 to " + MAX_PER_PROMPT);
    }
    Policy.FrictionBudget budget = policy.frictionBudget();
    if (budget != null) {
      atLeastOne(budget.prompts(), "friction-budget.prompts", problems);
      atLeastOne(budget.days(), "friction-budget.days", problems);
    }
    Policy.Snooze snooze = policy.snooze();
    if (snooze.logins() != null) {
      atLeastOne(snooze.logins(), "snooze.logins", problems);
    }
    if (snooze.days() != null) {
      atLeastOne(snooze.days(), "snooze.days", problems);
    }
    atLeastOne(snooze.stopAfterSkips(), "snooze.stop-after-skips", problems);
  }

  private static void atLeastOne(int number, String field, ProblemCollector.Scope problems) {
    if (number < 1 || number > MAX_DAYS) {
      problems.report(field, "must be from 1 to " + MAX_DAYS);
    }
  }

  private static void reportDuplicateIds(List<Question> questions, ProblemCollector problems) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      String id = questions.get(i).id();
      Integer earlier = id == null ? null : first.putIfAbsent(id, i);
      if (earlier != null) {
        problems
            .scope(i, id)
            .report("id", "'" + id + "' is the id of questions[" + earlier + "] already");
      }
    }
  }

  /** The policy first, then by question; each question's problems in the order found. */
  private static List<PlanProblem> inPlanOrder(List<PlanProblem> problems) {
    return problems.stream().sorted(Comparator.comparingInt(PlanProblem::question)).toList();
  }
}
