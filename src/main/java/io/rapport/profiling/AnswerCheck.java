package io.rapport.profiling;

/** What the check of one answer found. */
sealed interface AnswerCheck {

  /** A value to store, in the attribute's stored form. */
  record Accepted(String value) implements AnswerCheck {}

  /** Left empty, and the question allows it: the question counts as skipped. */
  record Empty() implements AnswerCheck {}

  /** Not acceptable; the message says why, in the user's words. */
  record Refused(MessageRef reason) implements AnswerCheck {}
}
