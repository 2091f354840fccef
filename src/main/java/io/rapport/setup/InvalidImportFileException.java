package io.rapport.setup;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The import file cannot be applied; the message lists every problem found, one per line, and
 * nothing of the file has been written.
 */
final class InvalidImportFileException extends IllegalStateException {

  /** A stable code for operators to search and alert on. */
  static final String EVENT_CODE = "RAPPORT-IMPORT-001";

  private final transient List<ImportProblem> problems;

  InvalidImportFileException(String file, List<ImportProblem> problems) {
    this(problems.stream().sorted(ImportProblem.FILE_ORDER).distinct().toList(), file);
  }

  private InvalidImportFileException(List<ImportProblem> sorted, String file) {
    super(describe(file, sorted));
    this.problems = sorted;
  }

  /** In file order, each once. */
  List<ImportProblem> problems() {
    return problems;
  }

  private static String describe(String file, List<ImportProblem> problems) {
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return problems.stream()
        .map(ImportProblem::toString)
        .collect(
            Collectors.joining(
                "\n",
                "Rapport could not apply the import file %s (%s, %s):\n"
                    .formatted(file, EVENT_CODE, count),
                ""));
  }
}
