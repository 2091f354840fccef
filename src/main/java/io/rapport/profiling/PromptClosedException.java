package io.rapport.profiling;

/** A prompt was submitted or skipped already, or abandoned: it takes no second submission. */
final class PromptClosedException extends RuntimeException {

  PromptClosedException(String promptId) {
    super("Prompt " + promptId + " is closed already");
  }
}
