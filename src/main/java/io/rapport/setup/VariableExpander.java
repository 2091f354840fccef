package io.rapport.setup;

import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Expands variable references in one scalar of the import file: {@code ${NAME}} is the variable's
 * value, {@code ${NAME:-default}} falls back to the default when the variable is unset or empty,
 * and <code>$${</code> stands for a literal <code>${</code>.
 */
final class VariableExpander {

  /** As POSIX shells name environment variables. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final String START = "${";
  private static final String ESCAPED_START = "$${";
  private static final String DEFAULT_SEPARATOR = ":-";

  private final UnaryOperator<String> variables;

  /**
   * @param variables the value of a variable by name, or null when it is not set
   */
  VariableExpander(UnaryOperator<String> variables) {
    this.variables = variables;
  }

  /**
   * Looks variables up in Spring's environment: the process environment, system properties and any
   * property a test or the command line sets. Values are taken as they are: going through {@code
   * Environment.getProperty} would resolve {@code ${...}} inside a secret a second time.
   */
  static VariableExpander of(ConfigurableEnvironment environment) {
    return new VariableExpander(
        name ->
            environment.getPropertySources().stream()
                .map(source -> source.getProperty(name))
                .filter(Objects::nonNull)
                .map(Object::toString)
                .findFirst()
                .orElse(null));
  }

  /**
   * @throws IllegalArgumentException saying which reference is malformed or names a variable that
   *     is not set; the message never holds a variable's value
   */
  String expand(String text) {
    StringBuilder expanded = new StringBuilder(text.length());
    int position = 0;
    while (position < text.length()) {
      if (text.startsWith(ESCAPED_START, position)) {
        expanded.append(START);
        position += ESCAPED_START.length();
      } else if (text.startsWith(START, position)) {
        int end = text.indexOf('}', position);
        if (end < 0) {
          throw new IllegalArgumentException(
              "'${' without a closing '}'; write $${ for a literal ${");
        }
        expanded.append(resolve(text.substring(position + START.length(), end)));
        position = end + 1;
      } else {
        expanded.append(text.charAt(position++));
      }
    }
    return expanded.toString();
  }

  private String resolve(String reference) {
    int separator = reference.indexOf(DEFAULT_SEPARATOR);
    String name = separator < 0 ? reference : reference.substring(0, separator);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'${"
              + reference
              + "}' is not a variable reference: a name is letters, digits and '_', not starting"
              + " with a digit");
    }
    String value = variables.apply(name);
    if (separator >= 0 && (value == null || value.isEmpty())) {
      return reference.substring(separator + DEFAULT_SEPARATOR.length());
    }
    if (value == null) {
      throw new IllegalArgumentException(
          "environment variable "
              + name
              + " is not set; set it, or give a default with ${"
              + name
              + ":-default}");
    }
    return value;
  }
}
