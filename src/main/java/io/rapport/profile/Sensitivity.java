package io.rapport.profile;

import java.util.Locale;

/**
 * How carefully an attribute's values must be handled: who may see them, export them, and whether
 * they may go into tokens.
 */
public enum Sensitivity {
  PUBLIC,
  PERSONAL,
  SENSITIVE;

  /** The form kept in the {@code sensitivity} column. */
  String stored() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Sensitivity fromStored(String stored) {
    return valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
