package io.rapport.setup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused import file into Spring Boot's start-up failure report, which shows the list of
 * problems without a stack trace in front of it.
 */
final class ImportFailureAnalyzer extends AbstractFailureAnalyzer<InvalidImportFileException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidImportFileException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Correct the file and start again; docs/import.md describes its format.",
        cause);
  }
}
