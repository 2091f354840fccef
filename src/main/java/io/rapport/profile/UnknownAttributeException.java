package io.rapport.profile;

/** Thrown when a key names no attribute of the catalog. */
public final class UnknownAttributeException extends RuntimeException {

  private final String key;

  public UnknownAttributeException(String key) {
    super("Unknown attribute '" + key + "': the attribute catalog defines no such key");
    this.key = key;
  }

  public String key() {
    return key;
  }
}
