package io.rapport.platform.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads values of expected shapes out of composed YAML nodes and notes every problem with its
 * place, instead of stopping at the first, so that one start-up names all of them.
 *
 * <p>The text is composed into SnakeYAML nodes rather than bound to objects with Jackson's YAML
 * support, because binding errors name Java types and lose the line and column, while every node
 * keeps the place it was written: that place is what a person needs to fix the text.
 */
public final class YamlWalker {

  private final UnaryOperator<String> variables;
  private final List<YamlProblem> problems = new ArrayList<>();

  /**
   * @param variables expands the variable references of a scalar, throwing {@link
   *     IllegalArgumentException} with the reason when one cannot be expanded
   */
  public YamlWalker(UnaryOperator<String> variables) {
    this.variables = variables;
  }

  /** A walker that takes every scalar as it is written. */
  public static YamlWalker literal() {
    return new YamlWalker(UnaryOperator.identity());
  }

  /**
   * The text's nodes; null for a text that holds nothing, such as one of comments only.
   *
   * @throws YamlSyntaxException when the text is not YAML
   */
  public static Node compose(String text) {
    try {
      return new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      Place place =
          mark == null ? Place.WHOLE_FILE : new Place("", mark.getLine() + 1, mark.getColumn() + 1);
      String reason =
          e.getContext() == null ? e.getProblem() : e.getContext() + ": " + e.getProblem();
      throw new YamlSyntaxException(new YamlProblem(place, reason));
    } catch (YAMLException e) {
      throw new YamlSyntaxException(new YamlProblem(Place.WHOLE_FILE, e.getMessage()));
    }
  }

  /** Every problem noted so far, in the order found. */
  public List<YamlProblem> problems() {
    return List.copyOf(problems);
  }

  public void report(Place place, String reason) {
    problems.add(new YamlProblem(place, reason));
  }

  public void report(Node node, String path, String reason) {
    report(place(node, path), reason);
  }

  public static Place place(Node node, String path) {
    return new Place(path, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  /**
   * The entries of a mapping by key, in file order, with merge keys ({@code <<: *defaults})
   * resolved; reports keys that are repeated, not plain, or not among {@code keys}.
   *
   * @param keys the keys allowed, or null for any
   * @return null when the node is not a mapping
   */
  public Map<String, Node> mapping(Node node, String path, Set<String> keys) {
    if (!(node instanceof MappingNode mapping)) {
      report(node, path, "must be a mapping of keys to values, not " + kind(node));
      return null;
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    collect(mapping, path, keys, entries, Collections.newSetFromMap(new IdentityHashMap<>()));
    return entries;
  }

  /** Explicit keys first, so that they win over merged ones, as YAML merge keys define. */
  private void collect(
      MappingNode mapping,
      String path,
      Set<String> keys,
      Map<String, Node> entries,
      Set<Node> visited) {
    if (!visited.add(mapping)) {
      return;
    }
    List<Node> merged = new ArrayList<>();
    Map<String, Node> seen = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      if (Tag.MERGE.equals(key.getTag())) {
        merged.add(tuple.getValueNode());
      } else if (acceptKey(key, path, keys, seen)) {
        entries.putIfAbsent(((ScalarNode) key).getValue(), tuple.getValueNode());
      }
    }
    for (Node source : merged) {
      List<Node> sources = source instanceof SequenceNode list ? list.getValue() : List.of(source);
      for (Node each : sources) {
        if (each instanceof MappingNode sourceMapping) {
          collect(sourceMapping, path, keys, entries, visited);
        } else {
          report(each, path, "'<<' must merge a mapping, such as an alias *defaults");
        }
      }
    }
  }

  private boolean acceptKey(Node key, String path, Set<String> keys, Map<String, Node> seen) {
    if (!(key instanceof ScalarNode scalar)) {
      report(key, path, "keys must be plain text, not " + kind(key));
      return false;
    }
    Node first = seen.putIfAbsent(scalar.getValue(), key);
    if (first != null) {
      report(
          key,
          path,
          "key '%s' appears twice; the first is at line %d"
              .formatted(scalar.getValue(), place(first, path).line()));
      return false;
    }
    if (keys != null && !keys.contains(scalar.getValue())) {
      report(key, path, unknownKey(scalar.getValue(), keys));
      return false;
    }
    return true;
  }

  private static String unknownKey(String key, Set<String> keys) {
    String reason = "unknown key '" + key + "'";
    String dashed = key.toLowerCase(Locale.ROOT).replace('_', '-');
    if (keys.contains(dashed)) {
      return reason + "; did you mean '" + dashed + "'?";
    }
    return reason + "; known keys: " + String.join(", ", new TreeSet<>(keys));
  }

  /** The items of a list; an absent or empty value is an empty list. */
  public List<Node> sequence(Node node, String path) {
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    report(node, path, "must be a list, not " + kind(node));
    return List.of();
  }

  /** A single value, variables expanded; empty when absent or written as nothing. */
  public Optional<Value> text(Node node, String path) {
    if (node == null || isNull(node)) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar)) {
      report(node, path, "must be a single value, not " + kind(node));
      return Optional.empty();
    }
    Place place = place(node, path);
    try {
      return Optional.of(new Value(variables.apply(scalar.getValue()), scalar.getValue(), place));
    } catch (IllegalArgumentException e) {
      report(place, e.getMessage());
      return Optional.of(new Value(scalar.getValue(), scalar.getValue(), place));
    }
  }

  /** Notes a key that must be there and have a value, but is missing or written as nothing. */
  public void require(Map<String, Node> entries, String key, Node mapping, String path) {
    Node node = entries.get(key);
    if (node == null) {
      report(mapping, path, "missing key '" + key + "'");
    } else if (isNull(node)) {
      report(node, Place.child(path, key), "needs a value");
    }
  }

  /** A list of single values, each required. */
  public List<Value> texts(Node node, String path) {
    List<Node> items = sequence(node, path);
    List<Value> values = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      if (isNull(items.get(i))) {
        report(items.get(i), itemPath, "must not be empty");
      }
      text(items.get(i), itemPath).ifPresent(values::add);
    }
    return values;
  }

  /** A mapping of names to single values, each required. */
  public Map<String, Value> textMap(Node node, String path) {
    Map<String, Value> values = new LinkedHashMap<>();
    Map<String, Node> entries = mapping(node, path, null);
    if (entries == null) {
      return values;
    }
    entries.forEach(
        (key, value) -> {
          if (isNull(value)) {
            report(value, Place.child(path, key), "needs a value");
          }
          text(value, Place.child(path, key)).ifPresent(text -> values.put(key, text));
        });
    return values;
  }

  public static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return isNull(node) ? "nothing" : "a single value";
  }
}
