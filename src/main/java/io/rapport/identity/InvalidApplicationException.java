package io.rapport.identity;

/**
 * An application definition that cannot be registered.
 *
 * @see #field() the definition's key at fault, as in the import file ({@code redirect-uris})
 * @see #index() the position in that key's list, or -1
 */
public final class InvalidApplicationException extends RuntimeException {

  private final String field;
  private final int index;

  public InvalidApplicationException(String field, int index, String message) {
    super(message);
    this.field = field;
    this.index = index;
  }

  public String field() {
    return field;
  }

  public int index() {
    return index;
  }
}
