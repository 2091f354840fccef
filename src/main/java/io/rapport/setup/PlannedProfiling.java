package io.rapport.setup;

import io.rapport.profiling.InvalidPlanException;
import io.rapport.profiling.Plan;
import io.rapport.profiling.PlanProblem;
import io.rapport.profiling.Policy;
import io.rapport.profiling.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code profiling} section, read into the plan that the plan store takes, with the place of
 * every value so that the store's refusals can be traced back to the file.
 *
 * @param places where each value was written, by path ({@code profiling.questions[2].input})
 * @param values every value read, to keep expanded variables out of messages
 */
record PlannedProfiling(Plan plan, Place entry, Map<String, Place> places, List<Value> values) {

  static final String PROFILING = "profiling";
  private static final String QUESTIONS = "questions";
  private static final String POLICY = "policy";

  private static final Set<String> KEYS = Set.of(POLICY, QUESTIONS);
  private static final Set<String> POLICY_KEYS =
      Set.of("max-questions", "friction-budget", "snooze");
  private static final Set<String> BUDGET_KEYS = Set.of("prompts", "days");
  private static final Set<String> SNOOZE_KEYS = Set.of("logins", "days", "stop-after-skips");

  /** Null when the section is not a mapping; its problems are noted in the walker. */
  static PlannedProfiling read(YamlWalker walker, Node node) {
    ProfilingFields fields = new ProfilingFields(walker);
    Map<String, Node> entries = fields.mapping(node, PROFILING, KEYS);
    if (entries == null) {
      return null;
    }
    Policy policy = policy(fields, entries.get(POLICY), PROFILING + "." + POLICY);
    List<Question> questions = new ArrayList<>();
    String listPath = PROFILING + "." + QUESTIONS;
    List<Node> items = fields.sequence(entries.get(QUESTIONS), listPath);
    QuestionReader reader = new QuestionReader(fields);
    for (int i = 0; i < items.size(); i++) {
      Question question = reader.read(items.get(i), listPath + "[" + i + "]");
      if (question != null) {
        questions.add(question);
      }
    }
    return new PlannedProfiling(
        new Plan(policy, questions),
        YamlWalker.place(node, PROFILING),
        Map.copyOf(fields.places()),
        List.copyOf(fields.values()));
  }

  /** The plan store's refusal, one problem per line, each at the value it names. */
  List<ImportProblem> problems(String file, InvalidPlanException refusal) {
    return refusal.problems().stream().map(problem -> problem(file, problem)).toList();
  }

  private ImportProblem problem(String file, PlanProblem problem) {
    String path = pathOf(problem);
    Place found = closestPlace(path);
    String reason = problem.reason();
    for (Value value : values) {
      reason = value.redact(reason);
    }
    return new ImportProblem(file, new Place(path, found.line(), found.column()), reason);
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

  /** The place of the path, else of the nearest enclosing value written in the file. */
  private Place closestPlace(String path) {
    String current = path;
    while (!current.isEmpty()) {
      Place place = places.get(current);
      if (place != null) {
        return place;
      }
      int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      current = cut < 0 ? "" : current.substring(0, cut);
    }
    return entry;
  }

  private static Policy policy(ProfilingFields fields, Node node, String path) {
    if (node == null || YamlWalker.isNull(node)) {
      return Policy.DEFAULT;
    }
    Map<String, Node> entries = fields.mapping(node, path, POLICY_KEYS);
    if (entries == null) {
      return Policy.DEFAULT;
    }
    Integer maxQuestions = fields.integer(entries, "max-questions", path);
    return new Policy(
        maxQuestions == null ? Policy.DEFAULT_MAX_QUESTIONS : maxQuestions,
        budget(fields, entries.get("friction-budget"), path + ".friction-budget"),
        snooze(fields, entries.get("snooze"), path + ".snooze"));
  }

  private static Policy.FrictionBudget budget(ProfilingFields fields, Node node, String path) {
    if (node == null || YamlWalker.isNull(node)) {
      return null;
    }
    Map<String, Node> entries = fields.mapping(node, path, BUDGET_KEYS);
    if (entries == null) {
      return null;
    }
    BUDGET_KEYS.forEach(key -> fields.walker().require(entries, key, node, path));
    Integer prompts = fields.integer(entries, "prompts", path);
    Integer days = fields.integer(entries, "days", path);
    return prompts == null || days == null ? null : new Policy.FrictionBudget(prompts, days);
  }

  private static Policy.Snooze snooze(ProfilingFields fields, Node node, String path) {
    if (node == null || YamlWalker.isNull(node)) {
      return Policy.Snooze.DEFAULT;
    }
    Map<String, Node> entries = fields.mapping(node, path, SNOOZE_KEYS);
    if (entries == null) {
      return Policy.Snooze.DEFAULT;
    }
    Integer stop = fields.integer(entries, "stop-after-skips", path);
    return new Policy.Snooze(
        fields.integer(entries, "logins", path),
        fields.integer(entries, "days", path),
        stop == null ? Policy.Snooze.DEFAULT.stopAfterSkips() : stop);
  }
}
