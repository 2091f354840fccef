package io.rapport.platform.yaml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Typed reads of the {@code profiling} and {@code enrichment} sections: whole numbers, decimals,
 * flags, names and texts by language. Notes where every value was written, so that the plan's
 * refusals can be traced back to the file, and keeps every value read, so that messages never show
 * an expanded variable.
 */
public final class YamlFields {

  private final YamlWalker walker;
  private final Map<String, Place> places = new LinkedHashMap<>();
  private final List<Value> values = new ArrayList<>();

  public YamlFields(YamlWalker walker) {
    this.walker = walker;
  }

  public Map<String, Place> places() {
    return places;
  }

  public List<Value> values() {
    return values;
  }

  public YamlWalker walker() {
    return walker;
  }

  /** The entries of a mapping; null when it is not one. */
  public Map<String, Node> mapping(Node node, String path, Set<String> keys) {
    places.put(path, YamlWalker.place(node, path));
    return walker.mapping(node, path, keys);
  }

  public List<Node> sequence(Node node, String path) {
    if (node != null) {
      places.put(path, YamlWalker.place(node, path));
    }
    return walker.sequence(node, path);
  }

  public Optional<Value> text(Map<String, Node> entries, String key, String path) {
    return text(entries.get(key), Place.child(path, key));
  }

  public Optional<Value> text(Node node, String path) {
    if (node != null) {
      places.put(path, YamlWalker.place(node, path));
    }
    Optional<Value> value = walker.text(node, path);
    value.ifPresent(values::add);
    return value;
  }

  public String string(Map<String, Node> entries, String key, String path) {
    return text(entries, key, path).map(Value::text).orElse(null);
  }

  public Integer integer(Map<String, Node> entries, String key, String path) {
    return parsed(entries, key, path, Integer::valueOf, "a whole number, such as 2");
  }

  public BigDecimal decimal(Map<String, Node> entries, String key, String path) {
    return parsed(entries, key, path, BigDecimal::new, "a number, such as 10 or 0.5");
  }

  /** {@code true} or {@code false}, exactly; {@code yes} or {@code on} stay words. */
  public boolean flag(Map<String, Node> entries, String key, String path, boolean absent) {
    Optional<Value> value = text(entries, key, path);
    if (value.isEmpty()) {
      return absent;
    }
    String text = value.get().text();
    if (!text.equals("true") && !text.equals("false")) {
      walker.report(value.get().place(), "'" + value.get().written() + "' must be true or false");
      return absent;
    }
    return Boolean.parseBoolean(text);
  }

  /** A list of single values, each noted at its place. */
  public List<String> texts(Map<String, Node> entries, String key, String path) {
    Node node = entries.get(key);
    if (node == null) {
      return null;
    }
    String listPath = Place.child(path, key);
    places.put(listPath, YamlWalker.place(node, listPath));
    List<Value> items = walker.texts(node, listPath);
    values.addAll(items);
    items.forEach(item -> places.put(item.place().path(), item.place()));
    return items.stream().map(Value::text).toList();
  }

  /** Texts by language tag; absent is empty. */
  public Map<String, String> wording(Map<String, Node> entries, String key, String path) {
    Node node = entries.get(key);
    if (node == null || YamlWalker.isNull(node)) {
      return Map.of();
    }
    String mapPath = Place.child(path, key);
    places.put(mapPath, YamlWalker.place(node, mapPath));
    Map<String, String> texts = new LinkedHashMap<>();
    walker
        .textMap(node, mapPath)
        .forEach(
            (language, value) -> {
              values.add(value);
              places.put(value.place().path(), value.place());
              texts.put(language, value.text());
            });
    return texts;
  }

  /** A constant written by its import-file name, such as {@code single-choice}. */
  public <T> T constant(
      Map<String, Node> entries,
      String key,
      String path,
      Function<String, Optional<T>> lookup,
      T[] all,
      Function<T, String> names) {
    Optional<Value> value = text(entries, key, path);
    if (value.isEmpty()) {
      return null;
    }
    Optional<T> found = lookup.apply(value.get().text());
    if (found.isEmpty()) {
      String known = Arrays.stream(all).map(names).collect(Collectors.joining(", "));
      walker.report(value.get().place(), "'" + value.get().written() + "' is not one of " + known);
    }
    return found.orElse(null);
  }

  private <T> T parsed(
      Map<String, Node> entries,
      String key,
      String path,
      Function<String, T> parser,
      String expected) {
    Optional<Value> value = text(entries, key, path);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return parser.apply(value.get().text().strip());
    } catch (NumberFormatException e) {
      walker.report(value.get().place(), "'" + value.get().written() + "' must be " + expected);
      return null;
    }
  }
}
