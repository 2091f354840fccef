package io.rapport.profiling;

import io.rapport.platform.yaml.Place;
import io.rapport.platform.yaml.YamlFields;
import io.rapport.platform.yaml.YamlWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a plan, or its policy, in the import file's format, noting where every value was written.
 * Only the shape is checked here; {@link PlanValidator} checks the plan against the catalog.
 */
final class PlanReader {

  static final String QUESTIONS = "questions";
  static final String POLICY = "policy";

  private static final Set<String> KEYS = Set.of(POLICY, QUESTIONS);
  private static final Set<String> POLICY_KEYS =
      Set.of("max-questions", "friction-budget", "snooze");
  private static final Set<String> BUDGET_KEYS = Set.of("prompts", "days");
  private static final Set<String> SNOOZE_KEYS = Set.of("logins", "days", "stop-after-skips");

  private final YamlFields fields;

  PlanReader(YamlWalker walker) {
    this.fields = new YamlFields(walker);
  }

  YamlFields fields() {
    return fields;
  }

  /** Null when the node is not a mapping; its problems are noted in the walker. */
  Plan plan(Node node, String path) {
    Map<String, Node> entries = fields.mapping(node, path, KEYS);
    if (entries == null) {
      return null;
    }
    Policy policy = policy(entries.get(POLICY), Place.child(path, POLICY));
    List<Question> questions = new ArrayList<>();
    String listPath = Place.child(path, QUESTIONS);
    List<Node> items = fields.sequence(entries.get(QUESTIONS), listPath);
    QuestionReader reader = new QuestionReader(fields);
    for (int i = 0; i < items.size(); i++) {
      Question question = reader.read(items.get(i), listPath + "[" + i + "]");
      if (question != null) {
        questions.add(question);
      }
    }
    return new Plan(policy, questions);
  }

  /** The default policy when the node is absent, written as nothing, or not a mapping. */
  Policy policy(Node node, String path) {
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
        budget(entries.get("friction-budget"), Place.child(path, "friction-budget")),
        snooze(entries.get("snooze"), Place.child(path, "snooze")));
  }

  private Policy.FrictionBudget budget(Node node, String path) {
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

  private Policy.Snooze snooze(Node node, String path) {
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
