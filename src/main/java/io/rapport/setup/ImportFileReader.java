package io.rapport.setup;

import io.rapport.enrichment.ProviderType;
import io.rapport.platform.yaml.Place;
import io.rapport.platform.yaml.Value;
import io.rapport.platform.yaml.YamlProblem;
import io.rapport.platform.yaml.YamlSyntaxException;
import io.rapport.platform.yaml.YamlWalker;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the import file into a plan, or fails with every problem of shape it can find before the
 * database is touched: syntax, unknown keys, wrong kinds of values, missing keys, duplicates and
 * variables that are not set.
 *
 * <p>The file is composed into nodes that keep the place each value was written ({@link
 * YamlWalker}): that place is what an operator needs to fix the file.
 */
final class ImportFileReader {

  /** Far more than any real declaration needs, and small enough to read at once. */
  static final long MAX_BYTES = 1024 * 1024;

  private static final String BYTE_ORDER_MARK = "\uFEFF";

  static final String APPLICATIONS = "applications";
  static final String ATTRIBUTES = "attributes";
  private static final Set<String> TOP_LEVEL_KEYS =
      Set.of(APPLICATIONS, ATTRIBUTES, PlannedProfiling.PROFILING, PlannedProviders.ENRICHMENT);

  private final VariableExpander variables;
  private final List<ProviderType> providerTypes;

  /** A reader that knows no provider type: any enrichment provider is refused. */
  ImportFileReader(VariableExpander variables) {
    this(variables, List.of());
  }

  /**
   * @param providerTypes the provider types this version of Rapport knows, to check each {@code
   *     type} of {@code enrichment.providers} against
   */
  ImportFileReader(VariableExpander variables, List<ProviderType> providerTypes) {
    this.variables = variables;
    this.providerTypes = List.copyOf(providerTypes);
  }

  /**
   * @param file resolved against the working directory when relative
   * @throws InvalidImportFileException listing every problem found
   */
  ImportPlan read(Path file) {
    return parse(file.toString(), load(file));
  }

  /**
   * @param file the name to use in messages
   * @throws InvalidImportFileException listing every problem found
   */
  ImportPlan parse(String file, String text) {
    Node root = compose(file, text);
    YamlWalker walker = new YamlWalker(variables::expand);
    ImportPlan plan = walk(walker, file, root, providerTypes);
    if (!walker.problems().isEmpty()) {
      throw new InvalidImportFileException(
          file, walker.problems().stream().map(problem -> problem(file, problem)).toList());
    }
    return plan;
  }

  private static String load(Path file) {
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw fileProblem(
            name, "is %d bytes; an import file may have at most 1 MiB".formatted(size));
      }
      String text = Files.readString(file);
      return text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw fileProblem(name, "file not found (looked for " + file.toAbsolutePath() + ")");
    } catch (CharacterCodingException e) {
      throw fileProblem(name, "is not UTF-8 text");
    } catch (IOException e) {
      throw fileProblem(
          name, "cannot be read: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  private static InvalidImportFileException fileProblem(String file, String reason) {
    return new InvalidImportFileException(
        file, List.of(new ImportProblem(file, Place.WHOLE_FILE, reason)));
  }

  /** Null for a file that declares nothing, such as one of comments only. */
  private static Node compose(String file, String text) {
    try {
      return YamlWalker.compose(text);
    } catch (YamlSyntaxException e) {
      throw new InvalidImportFileException(file, List.of(problem(file, e.problem())));
    }
  }

  private static ImportProblem problem(String file, YamlProblem problem) {
    return new ImportProblem(file, problem.place(), problem.reason());
  }

  private static ImportPlan walk(
      YamlWalker walker, String file, Node root, List<ProviderType> providerTypes) {
    if (root == null || YamlWalker.isNull(root)) {
      return ImportPlan.empty(file);
    }
    Map<String, Node> top = walker.mapping(root, "", TOP_LEVEL_KEYS);
    if (top == null) {
      return ImportPlan.empty(file);
    }
    List<PlannedAttribute> attributes =
        entries(walker, top.get(ATTRIBUTES), ATTRIBUTES, PlannedAttribute::read);
    List<PlannedApplication> applications =
        entries(walker, top.get(APPLICATIONS), APPLICATIONS, PlannedApplication::read);
    reportDuplicates(walker, attributes.stream().map(PlannedAttribute::key).toList(), "key");
    reportDuplicates(
        walker,
        applications.stream().flatMap(application -> application.clientId().stream()).toList(),
        "client id");
    Node profiling = top.get(PlannedProfiling.PROFILING);
    PlannedProfiling plannedProfiling =
        profiling == null || YamlWalker.isNull(profiling)
            ? null
            : PlannedProfiling.read(walker, profiling);
    Map<String, Node> enrichment =
        PlannedProviders.section(walker, top.get(PlannedProviders.ENRICHMENT));
    PlannedProviders providers = PlannedProviders.read(walker, enrichment, providerTypes);
    if (providers != null) {
      reportDuplicates(walker, providers.ids(), "provider id");
    }
    return new ImportPlan(
        file,
        attributes,
        applications,
        plannedProfiling,
        providers,
        PlannedConsent.read(walker, enrichment));
  }

  /** Reads each item of a top-level list; items that cannot be read are left out. */
  private static <T> List<T> entries(
      YamlWalker walker, Node list, String path, EntryReader<T> reader) {
    List<Node> items = walker.sequence(list, path);
    List<T> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      entries.add(reader.read(walker, items.get(i), path + "[" + i + "]"));
    }
    return entries.stream().filter(Objects::nonNull).toList();
  }

  /** Keys and client ids are compared as they will be stored, after expansion. */
  private static void reportDuplicates(YamlWalker walker, List<Value> identifiers, String what) {
    Map<String, Value> first = new HashMap<>();
    for (Value identifier : identifiers) {
      Value earlier = first.putIfAbsent(identifier.text(), identifier);
      if (earlier != null) {
        walker.report(
            identifier.place(),
            "%s '%s' is declared twice; the first is at line %d"
                .formatted(what, identifier.written(), earlier.place().line()));
      }
    }
  }

  @FunctionalInterface
  private interface EntryReader<T> {
    T read(YamlWalker walker, Node node, String path);
  }
}
