package io.rapport.profiling;

import io.rapport.platform.yaml.Place;
import io.rapport.platform.yaml.Value;
import io.rapport.platform.yaml.YamlFields;
import io.rapport.platform.yaml.YamlWalker;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The plan in the import file's format, read from YAML nodes with the place of every value, and
 * written so that reading it gives the same plan. The import file and the console both go through
 * here, so that a question reads the same in either.
 */
public final class PlanYaml {

  /** The key of the plan's section in the import file. */
  public static final String SECTION = "profiling";

  private static final String VARIABLE = "${";
  private static final String ESCAPED_VARIABLE = "$${";

  private static final PlanWriter FILE_WRITER = new PlanWriter(PlanYaml::escapeVariables);
  private static final PlanWriter LITERAL_WRITER = new PlanWriter(UnaryOperator.identity());

  private PlanYaml() {}

  /**
   * Reads the value of a {@code profiling} section for shape; the value is null when the node is
   * not a mapping. Problems are noted in the walker.
   */
  public static Reading<Plan> readPlan(YamlWalker walker, Node node, String path) {
    PlanReader reader = new PlanReader(walker);
    return reading(reader.plan(node, path), node, path, reader.fields());
  }

  /** Reads one question written at the top of a text, as the console edits it. */
  public static Reading<Question> readQuestion(YamlWalker walker, Node node) {
    PlanReader reader = new PlanReader(walker);
    return reading(new QuestionReader(reader.fields()).read(node, ""), node, "", reader.fields());
  }

  /** Reads the policy written at the top of a text, as the console edits it. */
  public static Reading<Policy> readPolicy(YamlWalker walker, Node node) {
    PlanReader reader = new PlanReader(walker);
    return reading(reader.policy(node, ""), node, "", reader.fields());
  }

  /**
   * The plan as the {@code profiling} section of an import file, {@code profiling:} included. Texts
   * that hold <code>${</code> are written <code>$${</code>, since the import file expands variable
   * references.
   */
  public static String importSection(Plan plan) {
    return FILE_WRITER.write(Map.of(SECTION, FILE_WRITER.plan(plan)));
  }

  /**
   * An import file that holds the plan and nothing else, with a comment that says when it was
   * written: applied, it makes this plan the plan in use and leaves applications and attributes as
   * they are.
   */
  public static String importFile(Plan plan, Instant exportedAt) {
    return """
        # The progressive profiling plan of Rapport, exported %s.
        # Applied as the import file (or copied into one), it replaces the plan whole.
        """
            .formatted(exportedAt.truncatedTo(ChronoUnit.SECONDS))
        + importSection(plan);
  }

  /** One question at the top of a text, as the console edits it; texts are written as they are. */
  public static String question(Question question) {
    return LITERAL_WRITER.write(LITERAL_WRITER.question(question));
  }

  /** The policy at the top of a text, as the console edits it. */
  public static String policy(Policy policy) {
    return LITERAL_WRITER.write(LITERAL_WRITER.policy(policy));
  }

  /** Undoes what the import file's variable expansion does to a text. */
  static String escapeVariables(String text) {
    return text.replace(VARIABLE, ESCAPED_VARIABLE);
  }

  private static <T> Reading<T> reading(T value, Node node, String path, YamlFields fields) {
    return new Reading<>(
        value, YamlWalker.place(node, path), Map.copyOf(fields.places()), fields.values());
  }

  /**
   * What was read, and where each value was written, so that the plan store's refusals can be shown
   * at the value they name.
   *
   * @param value null when the text does not have the shape at all
   * @param entry where the whole of it starts
   * @param places where each value was written, by path ({@code profiling.questions[2].input})
   * @param values every value read, to keep expanded variables out of messages
   */
  public record Reading<T>(T value, Place entry, Map<String, Place> places, List<Value> values) {

    public Reading {
      places = Map.copyOf(places);
      values = List.copyOf(values);
    }

    /** The place of the path, else of the nearest enclosing value written; it keeps the path. */
    public Place placeOf(String path) {
      String current = path;
      while (!current.isEmpty()) {
        Place place = places.get(current);
        if (place != null) {
          return new Place(path, place.line(), place.column());
        }
        int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
        current = cut < 0 ? "" : current.substring(0, cut);
      }
      return new Place(path, entry.line(), entry.column());
    }

    /** The reason with the values read shown as written, never as their variables expanded. */
    public String redact(String reason) {
      String redacted = reason;
      for (Value read : values) {
        redacted = read.redact(redacted);
      }
      return redacted;
    }
  }
}
