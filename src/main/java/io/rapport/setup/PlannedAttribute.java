package io.rapport.setup;

import io.rapport.platform.yaml.Place;
import io.rapport.platform.yaml.Value;
import io.rapport.platform.yaml.YamlWalker;
import io.rapport.profile.Attribute;
import io.rapport.profile.InvalidAttributeException;
import io.rapport.profile.Sensitivity;
import io.rapport.profile.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One entry of {@code attributes}, read into the attribute that the catalog takes.
 *
 * @param key the key as the file writes it; its place is where duplicates are reported
 * @param values every value of the entry, to keep expanded variables out of messages
 */
record PlannedAttribute(Attribute attribute, Place entry, Value key, List<Value> values) {

  static final String KEY = "key";
  static final String TYPE = "type";
  static final String SENSITIVITY = "sensitivity";
  static final String LABELS = "labels";

  private static final List<String> REQUIRED = List.of(KEY, TYPE, SENSITIVITY, LABELS);
  static final Set<String> KEYS = Set.copyOf(REQUIRED);

  /** Null when the entry is not a mapping or lacks what an attribute needs. */
  static PlannedAttribute read(YamlWalker walker, Node node, String path) {
    Map<String, Node> entries = walker.mapping(node, path, KEYS);
    if (entries == null) {
      return null;
    }
    REQUIRED.forEach(required -> walker.require(entries, required, node, path));
    Optional<Value> key = walker.text(entries.get(KEY), path + "." + KEY);
    Optional<Value> type = walker.text(entries.get(TYPE), path + "." + TYPE);
    Optional<Value> sensitivity = walker.text(entries.get(SENSITIVITY), path + "." + SENSITIVITY);
    Map<String, Value> labels = labels(walker, entries.get(LABELS), path + "." + LABELS);
    ValueType valueType = type.map(value -> constant(walker, value, ValueType.class)).orElse(null);
    Sensitivity level =
        sensitivity.map(value -> constant(walker, value, Sensitivity.class)).orElse(null);
    if (key.isEmpty() || valueType == null || level == null) {
      return null;
    }
    Map<String, String> labelTexts = new LinkedHashMap<>();
    labels.forEach((language, label) -> labelTexts.put(language, label.text()));
    List<Value> values = new ArrayList<>(List.of(key.get(), type.get(), sensitivity.get()));
    values.addAll(labels.values());
    return new PlannedAttribute(
        new Attribute(key.get().text(), valueType, level, labelTexts, false),
        YamlWalker.place(node, path),
        key.get(),
        List.copyOf(values));
  }

  /** The catalog's refusal names no field, so it is placed at the entry. */
  ImportProblem problem(String file, InvalidAttributeException refusal) {
    String reason = refusal.getMessage();
    for (Value value : values) {
      reason = value.redact(reason);
    }
    return new ImportProblem(file, entry, reason);
  }

  /** Labels by language; a missing value has been reported as missing already. */
  private static Map<String, Value> labels(YamlWalker walker, Node node, String path) {
    if (node == null || YamlWalker.isNull(node)) {
      return Map.of();
    }
    return walker.textMap(node, path);
  }

  /** The enum constant written in lower case, as the catalog stores it. */
  private static <E extends Enum<E>> E constant(YamlWalker walker, Value value, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(value.text())) {
        return constant;
      }
    }
    String known =
        Arrays.stream(type.getEnumConstants())
            .map(constant -> constant.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    walker.report(value.place(), "'" + value.written() + "' is not one of " + known);
    return null;
  }
}
