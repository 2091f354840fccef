package io.rapport.admin;

import io.rapport.profiling.PromptFigures;

/**
 * The figures of every question asked at one moment, for the plan page. Public because the page's
 * expressions call its methods.
 */
public record MomentRow(String moment, PromptFigures.Counts figures) {

  public String answerRate() {
    return Percentages.of(figures);
  }
}
