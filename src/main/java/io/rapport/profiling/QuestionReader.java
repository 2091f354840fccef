package io.rapport.profiling;

import io.rapport.platform.yaml.Place;
import io.rapport.platform.yaml.Value;
import io.rapport.platform.yaml.YamlFields;
import io.rapport.platform.yaml.YamlWalker;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one entry of {@code profiling.questions} into the question the plan store takes. */
final class QuestionReader {

  static final Set<String> KEYS =
      Set.of(
          "id",
          "attribute",
          "input",
          "text",
          "help",
          "options",
          "required",
          "min-length",
          "max-length",
          "min",
          "max",
          "pattern",
          "moments",
          "from-login",
          "at-login",
          "after-days",
          "applications",
          "when",
          "ask",
          "below-confidence",
          "priority",
          "gate",
          "enabled");

  private static final List<String> REQUIRED = List.of("id", "attribute", "input", "text");
  private static final Set<String> OPTION_KEYS = Set.of("value", "label");
  private static final Set<String> WHEN_KEYS = Set.of("attribute", "equals", "in");

  private final YamlFields fields;

  QuestionReader(YamlFields fields) {
    this.fields = fields;
  }

  /** Null when the entry is not a mapping; its problems are noted in the walker. */
  Question read(Node node, String path) {
    Map<String, Node> entries = fields.mapping(node, path, KEYS);
    if (entries == null) {
      return null;
    }
    REQUIRED.forEach(key -> fields.walker().require(entries, key, node, path));
    Integer priority = fields.integer(entries, "priority", path);
    return new Question(
        fields.string(entries, "id", path),
        fields.string(entries, "attribute", path),
        fields.constant(
            entries, "input", path, InputKind::fromKey, InputKind.values(), InputKind::key),
        fields.wording(entries, "text", path),
        fields.wording(entries, "help", path),
        options(entries.get("options"), Place.child(path, "options")),
        rules(entries, path),
        when(entries, path),
        priority == null ? 0 : priority,
        fields.flag(entries, "gate", path, false),
        fields.flag(entries, "enabled", path, true));
  }

  private List<ChoiceOption> options(Node node, String path) {
    List<ChoiceOption> options = new ArrayList<>();
    List<Node> items = fields.sequence(node, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      Map<String, Node> entries = fields.mapping(items.get(i), itemPath, OPTION_KEYS);
      if (entries != null) {
        fields.walker().require(entries, "value", items.get(i), itemPath);
        fields.walker().require(entries, "label", items.get(i), itemPath);
        options.add(
            new ChoiceOption(
                fields.string(entries, "value", itemPath),
                fields.wording(entries, "label", itemPath)));
      }
    }
    return options;
  }

  private AnswerRules rules(Map<String, Node> entries, String path) {
    return new AnswerRules(
        fields.flag(entries, "required", path, false),
        fields.integer(entries, "min-length", path),
        fields.integer(entries, "max-length", path),
        fields.decimal(entries, "min", path),
        fields.decimal(entries, "max", path),
        fields.string(entries, "pattern", path));
  }

  private AskRules when(Map<String, Node> entries, String path) {
    BigDecimal below = fields.decimal(entries, "below-confidence", path);
    return new AskRules(
        fields.texts(entries, "moments", path),
        fields.integer(entries, "from-login", path),
        fields.integer(entries, "at-login", path),
        fields.integer(entries, "after-days", path),
        fields.texts(entries, "applications", path),
        condition(entries.get("when"), Place.child(path, "when")),
        fields.constant(entries, "ask", path, AskMode::fromKey, AskMode.values(), AskMode::key),
        below == null ? null : below.doubleValue());
  }

  /**
   * {@code equals: hr} is {@code in: [hr]}; its place is noted under both paths, since the plan
   * store names the values of a condition {@code when.in[i]}.
   */
  private Condition condition(Node node, String path) {
    if (node == null || YamlWalker.isNull(node)) {
      return null;
    }
    Map<String, Node> entries = fields.mapping(node, path, WHEN_KEYS);
    if (entries == null) {
      return null;
    }
    fields.walker().require(entries, "attribute", node, path);
    String attribute = fields.string(entries, "attribute", path);
    if (entries.containsKey("equals") && entries.containsKey("in")) {
      fields
          .walker()
          .report(entries.get("in"), Place.child(path, "in"), "give equals or in, not both");
      return new Condition(attribute, List.of());
    }
    if (entries.containsKey("equals")) {
      return new Condition(attribute, equalsValue(entries, path));
    }
    List<String> values = fields.texts(entries, "in", path);
    return new Condition(attribute, values == null ? List.of() : values);
  }

  private List<String> equalsValue(Map<String, Node> entries, String path) {
    Value value = fields.text(entries, "equals", path).orElse(null);
    if (value == null) {
      fields.walker().report(entries.get("equals"), Place.child(path, "equals"), "needs a value");
      return List.of();
    }
    fields.places().put(Place.child(path, "in[0]"), value.place());
    return List.of(value.text());
  }
}
