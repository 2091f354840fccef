package io.rapport.profile;

import java.util.Locale;
import java.util.Optional;

/** The kind of value an attribute holds; decides how observations are checked and normalised. */
public enum ValueType {
  TEXT,
  NUMBER,
  DATE,
  BOOLEAN,
  EMAIL,
  URL,
  PHONE,
  COUNTRY;

  /**
   * The stored form of a raw value, exactly as {@link ProfileService#observe} would store it: for
   * features that check a value before they record it, such as the answers to a question.
   *
   * @return empty when the text is not a value of this type
   */
  public Optional<String> normalize(String raw) {
    return raw == null ? Optional.empty() : ValueNormalizer.normalize(this, raw);
  }

  /** What a value of this type looks like, in English, for messages to operators. */
  public String expectation() {
    return ValueNormalizer.expectation(this);
  }

  /** The form kept in the {@code value_type} column. */
  String stored() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ValueType fromStored(String stored) {
    return valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
