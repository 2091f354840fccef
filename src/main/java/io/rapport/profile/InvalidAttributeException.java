package io.rapport.profile;

/** Thrown when an attribute definition is refused; the message says which rule it breaks. */
public final class InvalidAttributeException extends RuntimeException {

  public InvalidAttributeException(String message) {
    super(message);
  }
}
