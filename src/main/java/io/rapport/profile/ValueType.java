package io.rapport.profile;

import java.util.Locale;

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

  /** The form kept in the {@code value_type} column. */
  String stored() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ValueType fromStored(String stored) {
    return valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
