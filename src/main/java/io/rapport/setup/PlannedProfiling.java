package io.rapport.setup;

import io.rapport.platform.yaml.YamlWalker;
import io.rapport.profiling.InvalidPlanException;
import io.rapport.profiling.Plan;
import io.rapport.profiling.PlanProblem;
import io.rapport.profiling.PlanYaml;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code profiling} section, read into the plan that the plan store takes, with the place of
 * every value so that the store's refusals can be traced back to the file.
 */
record PlannedProfiling(PlanYaml.Reading<Plan> reading) {

  static final String PROFILING = PlanYaml.SECTION;
  private static final String QUESTIONS = "questions";
  private static final String POLICY = "policy";

  /** Null when the section is not a mapping; its problems are noted in the walker. */
  static PlannedProfiling read(YamlWalker walker, Node node) {
    PlanYaml.Reading<Plan> reading = PlanYaml.readPlan(walker, node, PROFILING);
    return reading.value() == null ? null : new PlannedProfiling(reading);
  }

  Plan plan() {
    return reading.value();
  }

  /** The plan store's refusal, one problem per line, each at the value it names. */
  List<ImportProblem> problems(String file, InvalidPlanException refusal) {
    return refusal.problems().stream().map(problem -> problem(file, problem)).toList();
  }

  private ImportProblem problem(String file, PlanProblem problem) {
    return new ImportProblem(
        file, reading.placeOf(pathOf(problem)), reading.redact(problem.reason()));
  }

  private static String pathOf(PlanProblem problem) {
    if (problem.question() < 0) {
      return problem.field().isEmpty()
          ? PROFILING + "." + QUESTIONS
          : PROFILING + "." + POLICY + "." + problem.field();
    }
    String question = PROFILING + "." + QUESTIONS + "[" + problem.question() + "]";
    return problem.field().isEmpty() ? question : question + "." + problem.field();
  }
}
