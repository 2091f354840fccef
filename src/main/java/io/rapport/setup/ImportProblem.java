package io.rapport.setup;

import io.rapport.platform.yaml.Place;
import java.util.Comparator;

/**
 * One thing wrong with the import file, written like a compiler's message so that editors and
 * people find the place: {@code rapport.yaml:12:7: applications[1].redirect-uris[0]: reason}.
 */
record ImportProblem(String file, Place place, String reason) {

  /** File order, then the order problems were found in. */
  static final Comparator<ImportProblem> FILE_ORDER =
      Comparator.comparingInt((ImportProblem problem) -> problem.place().line())
          .thenComparingInt(problem -> problem.place().column());

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (place.line() > 0) {
      text.append(':').append(place.line()).append(':').append(place.column());
    }
    text.append(": ");
    if (!place.path().isEmpty()) {
      text.append(place.path()).append(": ");
    }
    return text.append(reason).toString();
  }
}
