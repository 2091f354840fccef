package io.rapport.profiling;

/** A change named a question that the plan does not have, such as one deleted meanwhile. */
public final class UnknownQuestionException extends RuntimeException {

  UnknownQuestionException(String id) {
    super("The plan has no question '" + id + "'");
  }
}
