package io.rapport.admin;

/**
 * A question was changed by someone else (another administrator, or the import file) after the form
 * that edits it was shown; saving the form would undo that change unseen.
 */
final class StaleEditException extends RuntimeException {

  StaleEditException(String questionId) {
    super("question '" + questionId + "' changed since the form was shown");
  }
}
