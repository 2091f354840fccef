package io.rapport.profiling;

import java.util.List;

/**
 * Asks a question only when another attribute has a value: any value when {@code values} is empty,
 * else one of the values listed.
 *
 * @param attribute the key of the attribute looked at
 * @param values the values that let the question be asked, of that attribute's type
 */
public record Condition(String attribute, List<String> values) {

  public Condition {
    values = values == null ? List.of() : List.copyOf(values);
  }
}
