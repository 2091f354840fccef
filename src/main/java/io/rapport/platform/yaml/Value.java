package io.rapport.platform.yaml;

/**
 * A scalar value of a YAML text after its variables were expanded, with what the text says there.
 * Variables usually hold secrets, so what is shown to people is always the written form.
 */
public final class Value {

  private final String text;
  private final String written;
  private final Place place;

  Value(String text, String written, Place place) {
    this.text = text;
    this.written = written;
    this.place = place;
  }

  /** The value to use, variables expanded. */
  public String text() {
    return text;
  }

  /** The value as the file writes it, with its variable references; safe to show. */
  public String written() {
    return written;
  }

  public Place place() {
    return place;
  }

  /** The message with this value's expanded text replaced by what the file says. */
  public String redact(String message) {
    if (text.isEmpty() || text.equals(written)) {
      return message;
    }
    return message.replace(text, written);
  }

  /** Never the expanded text, so that a value printed by mistake leaks no secret. */
  @Override
  public String toString() {
    return place.path() + " (line " + place.line() + ")";
  }
}
