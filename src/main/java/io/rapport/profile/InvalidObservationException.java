package io.rapport.profile;

/**
 * Thrown when an observation cannot be recorded. The message says what was expected and never
 * repeats the value, which may be personal data.
 */
public final class InvalidObservationException extends RuntimeException {

  public InvalidObservationException(String message) {
    super(message);
  }
}
