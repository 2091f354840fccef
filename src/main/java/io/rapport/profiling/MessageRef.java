package io.rapport.profiling;

import java.util.Arrays;
import java.util.List;

/**
 * A message of the {@code messages} bundle and its arguments, resolved in the reader's language
 * when the page is rendered.
 */
record MessageRef(String key, List<Object> arguments) {

  MessageRef {
    arguments = List.copyOf(arguments);
  }

  static MessageRef of(String key, Object... arguments) {
    return new MessageRef(key, Arrays.asList(arguments));
  }

  Object[] argumentArray() {
    return arguments.toArray();
  }
}
