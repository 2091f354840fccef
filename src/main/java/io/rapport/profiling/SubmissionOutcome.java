package io.rapport.profiling;

/** What became of a form sent for a prompt. */
sealed interface SubmissionOutcome {

  /** Stored: the answers, the skips and the prompt's closing. */
  record Accepted() implements SubmissionOutcome {}

  /** Nothing stored: the answers say what is wrong. */
  record Rejected(CheckedAnswers answers) implements SubmissionOutcome {}

  /** Nothing stored: the prompt was answered, skipped or abandoned before. */
  record Closed() implements SubmissionOutcome {}
}
