package io.rapport.admin;

import io.rapport.platform.yaml.Place;
import io.rapport.platform.yaml.YamlProblem;
import io.rapport.platform.yaml.YamlSyntaxException;
import io.rapport.platform.yaml.YamlWalker;
import io.rapport.profiling.InvalidPlanException;
import io.rapport.profiling.PlanProblem;
import io.rapport.profiling.PlanYaml;
import io.rapport.profiling.Policy;
import io.rapport.profiling.Question;
import java.util.List;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A question or the policy typed in the console as YAML, read as the import file reads its {@code
 * profiling} section, with every problem at the line and column it names. Texts are taken as typed:
 * the console has no variables to expand.
 */
final class YamlEdit<T> {

  /** Far more than any question needs. */
  static final int MAX_LENGTH = 64 * 1024;

  private final PlanYaml.Reading<T> reading;
  private final List<String> problems;

  private YamlEdit(PlanYaml.Reading<T> reading, List<String> problems) {
    this.reading = reading;
    this.problems = List.copyOf(problems);
  }

  static YamlEdit<Question> question(String text) {
    return read(text, PlanYaml::readQuestion);
  }

  static YamlEdit<Policy> policy(String text) {
    return read(text, PlanYaml::readPolicy);
  }

  /** Whether the text has the shape of what it should hold, so that the plan store may check it. */
  boolean readable() {
    return problems.isEmpty() && reading != null && reading.value() != null;
  }

  T value() {
    return reading.value();
  }

  /** What is wrong with the text's shape, one line each; empty when it is readable. */
  List<String> problems() {
    return problems;
  }

  /**
   * The plan store's refusal, one line per problem: those of the part typed here at their line and
   * column, those of other questions with the question they belong to.
   *
   * @param position the place in the plan of the question typed, or a negative number for the
   *     policy
   */
  List<String> refusal(InvalidPlanException refusal, int position) {
    return refusal.problems().stream().map(problem -> describe(problem, position)).toList();
  }

  private String describe(PlanProblem problem, int position) {
    boolean typedHere = position < 0 ? problem.question() < 0 : problem.question() == position;
    if (!typedHere) {
      return problem.toString();
    }
    return describe(reading.placeOf(problem.field()), problem.reason());
  }

  private static <T> YamlEdit<T> read(
      String text, BiFunction<YamlWalker, Node, PlanYaml.Reading<T>> reader) {
    if (text.length() > MAX_LENGTH) {
      return failed("The text is longer than " + MAX_LENGTH / 1024 + " KiB.");
    }
    Node root;
    try {
      root = YamlWalker.compose(text);
    } catch (YamlSyntaxException e) {
      return failed(describe(e.problem()));
    }
    if (root == null) {
      return failed("The text is empty: write a mapping of keys to values, as in the import file.");
    }
    YamlWalker walker = YamlWalker.literal();
    PlanYaml.Reading<T> reading = reader.apply(walker, root);
    return new YamlEdit<>(reading, walker.problems().stream().map(YamlEdit::describe).toList());
  }

  private static <T> YamlEdit<T> failed(String problem) {
    return new YamlEdit<>(null, List.of(problem));
  }

  private static String describe(YamlProblem problem) {
    return describe(problem.place(), problem.reason());
  }

  /** {@code line 7, column 12: options[1].value: reason}, as far as the place is known. */
  private static String describe(Place place, String reason) {
    StringBuilder text = new StringBuilder();
    if (place.line() > 0) {
      text.append("line ").append(place.line()).append(", column ").append(place.column());
      text.append(": ");
    }
    if (!place.path().isEmpty()) {
      text.append(place.path()).append(": ");
    }
    return text.append(reason).toString();
  }
}
